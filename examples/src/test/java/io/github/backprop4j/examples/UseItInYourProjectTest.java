package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Keeps the README's "Use it in your project" section true: its program compiles against the
 * library and prints what the README shows, its {@code pom.xml} names existing artifacts at the
 * project's version, and the BOM and the artifact table list every library module.
 */
class UseItInYourProjectTest {

    /** The reactor's root: the tests run in the examples module's folder. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final String GROUP = "io.github.backprop4j";
    /** Modules that are programs, not libraries a user depends on. */
    private static final Set<String> NOT_LIBRARIES = Set.of("examples", "bench", "bom");

    private static String section() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("## Use it in your project\n");
        assertTrue(start >= 0, "README.md has a section \"## Use it in your project\"");
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    /** The fenced blocks of a language, in order. */
    private static List<String> blocks(String text, String language) {
        Matcher m = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(text);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Document xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Document pom(Path file) throws Exception {
        return xml(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** The text of a direct child element, or null. */
    private static String child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    private static List<Element> elements(Document d, String tag) {
        NodeList list = d.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    private static String projectVersion() throws Exception {
        return child(pom(ROOT.resolve("pom.xml")).getDocumentElement(), "version");
    }

    /** The artifact ids of the library modules, from the root pom's module list. */
    private static Set<String> libraryArtifacts() throws Exception {
        Set<String> out = new TreeSet<>();
        for (Element module : elements(pom(ROOT.resolve("pom.xml")), "module")) {
            String dir = module.getTextContent().trim();
            if (!NOT_LIBRARIES.contains(dir)) {
                out.add(child(pom(ROOT.resolve(dir).resolve("pom.xml")).getDocumentElement(),
                        "artifactId"));
            }
        }
        return out;
    }

    /** The dependency elements of a pom whose group is backprop4j's. */
    private static List<Element> frameworkDependencies(Document pom) {
        return elements(pom, "dependency").stream()
                .filter(d -> GROUP.equals(child(d, "groupId"))).collect(Collectors.toList());
    }

    @Test
    void program_compilesAndPrintsWhatTheReadmeShows(@TempDir Path dir) throws Exception {
        String section = section();
        List<String> programs = blocks(section, "java");
        assertEquals(1, programs.size(), "one Java block");
        Path source = dir.resolve("src/demo/TrainIris.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, programs.get(0), StandardCharsets.UTF_8);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path classes = Files.createDirectories(dir.resolve("classes"));
        boolean compiled;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null,
                StandardCharsets.UTF_8)) {
            compiled = javac.getTask(null, files, diagnostics, List.of("-Xlint:all", "--release",
                    "17", "-classpath", System.getProperty("java.class.path"), "-d",
                    classes.toString()), null, files.getJavaFileObjects(source)).call();
        }
        assertTrue(compiled && diagnostics.getDiagnostics().isEmpty(),
                () -> "the README's program compiles without warnings: "
                        + diagnostics.getDiagnostics());

        Path csv = dir.resolve("iris.csv");
        try (InputStream in = getClass().getResourceAsStream("/data/iris.csv")) {
            Files.copy(in, csv, StandardCopyOption.REPLACE_EXISTING);
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            Method main = loader.loadClass("demo.TrainIris").getMethod("main", String[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[] {csv.toString()});
        } finally {
            System.setOut(stdout);
        }

        // The output block: the command, "...", Maven's and the logger's lines left out.
        Matcher run = Pattern.compile("```\n(\\$ mvn .*?)```", Pattern.DOTALL).matcher(section);
        assertTrue(run.find(), "the section shows the program's run");
        String shown = run.group(1);
        List<String> expected = shown.lines()
                .filter(l -> !l.startsWith("$") && !l.equals("...") && !l.startsWith("["))
                .collect(Collectors.toList());
        assertEquals(expected, printed.toString(StandardCharsets.UTF_8).lines()
                .collect(Collectors.toList()));
    }

    @Test
    void pom_namesLibraryArtifactsThroughTheBomAtTheProjectVersion() throws Exception {
        List<String> poms = blocks(section(), "xml");
        assertEquals(1, poms.size(), "one pom.xml block");
        Document pom = xml(poms.get(0));
        Set<String> libraries = libraryArtifacts();
        List<Element> dependencies = frameworkDependencies(pom);
        assertTrue(dependencies.size() >= 2, "the pom imports the BOM and uses a library");
        for (Element d : dependencies) {
            String artifact = child(d, "artifactId");
            if (artifact.equals("backprop4j-bom")) {
                assertEquals(projectVersion(), child(d, "version"), "the BOM's version");
                assertEquals("pom", child(d, "type"));
                assertEquals("import", child(d, "scope"));
            } else {
                assertTrue(libraries.contains(artifact),
                        () -> artifact + " is one of the library artifacts " + libraries);
                assertNull(child(d, "version"), artifact + " takes its version from the BOM");
            }
        }
        Document root = pom(ROOT.resolve("pom.xml"));
        String compiler = elements(root, "plugin").stream()
                .filter(p -> "maven-compiler-plugin".equals(child(p, "artifactId")))
                .map(p -> child(p, "version")).findFirst().orElseThrow();
        String readmeCompiler = elements(pom, "plugin").stream()
                .filter(p -> "maven-compiler-plugin".equals(child(p, "artifactId")))
                .map(p -> child(p, "version")).findFirst().orElseThrow();
        assertEquals(compiler, readmeCompiler, "the compiler plugin the build itself uses");
        String slf4j = child((Element) root.getElementsByTagName("properties").item(0),
                "slf4j.version");
        String binding = elements(pom, "dependency").stream()
                .filter(d -> "slf4j-simple".equals(child(d, "artifactId")))
                .map(d -> child(d, "version")).findFirst().orElseThrow();
        assertEquals(slf4j, binding, "the binding matches the SLF4J API the library uses");
    }

    @Test
    void bom_listsEveryLibraryArtifactAtTheProjectVersion() throws Exception {
        Document bom = pom(ROOT.resolve("bom/pom.xml"));
        assertEquals("backprop4j-bom", child(bom.getDocumentElement(), "artifactId"));
        assertEquals(projectVersion(), child(bom.getDocumentElement(), "version"));
        Set<String> listed = new TreeSet<>();
        for (Element d : frameworkDependencies(bom)) {
            listed.add(child(d, "artifactId"));
            assertEquals("${project.version}", child(d, "version"));
        }
        assertEquals(libraryArtifacts(), listed);
    }

    @Test
    void artifactTable_listsTheBomAndEveryLibraryArtifact() throws Exception {
        Set<String> rows = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `(backprop4j-[a-z]+)` \\|").matcher(section());
        while (m.find()) {
            rows.add(m.group(1));
        }
        Set<String> expected = new TreeSet<>(libraryArtifacts());
        expected.add("backprop4j-bom");
        assertEquals(expected, new TreeSet<>(rows));
    }
}
