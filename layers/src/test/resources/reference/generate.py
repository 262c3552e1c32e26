"""Reference values for the layer and loss tests, computed by PyTorch in float64.

Run from this directory with PyTorch installed (made with PyTorch 1.13):

    python3 generate.py > torch-reference.csv

Each line is one matrix: name,rows,cols,v1,v2,... in row-major order, every value written
with repr so that it reads back bit for bit. A test reads the file (see TorchReference.java);
no test needs PyTorch.
"""
import torch

torch.manual_seed(20261130)
torch.set_default_dtype(torch.float64)


def emit(name, t):
    t = t.detach()
    if t.dim() == 0:
        t = t.reshape(1, 1)
    elif t.dim() == 1:
        t = t.reshape(1, -1)
    values = ",".join(repr(float(v)) for v in t.reshape(-1).tolist())
    print(f"{name},{t.shape[0]},{t.shape[1]},{values}")


def logits(rows, cols):
    """Random logits with one row at the extremes that a stable implementation survives."""
    x = torch.randn(rows, cols) * 3
    x[0, :] = torch.tensor([1000.0, -1000.0] + [0.5 * (j + 1) for j in range(cols - 2)])
    return x


def activation(name, module):
    # Beyond |x| = 5, 1 - tanh(x)^2 < 2e-4 cancels: one ulp of difference between two libraries'
    # tanh would show as more than 1e-10 of relative difference in the gradient. The row of
    # ±1000, where the gradient is exactly 0, stays.
    x = logits(5, 4)
    x[1:] = x[1:].clamp(-5, 5)
    x.requires_grad_(True)
    y = module(x)
    g = torch.randn(5, 4)
    y.backward(g)
    emit(name + ".input", x)
    emit(name + ".output", y)
    emit(name + ".grad_output", g)
    emit(name + ".grad_input", x.grad)


activation("sigmoid", torch.nn.Sigmoid())
activation("tanh", torch.nn.Tanh())
activation("leaky_relu", torch.nn.LeakyReLU())
activation("leaky_relu_0.2", torch.nn.LeakyReLU(0.2))
activation("log_softmax", torch.nn.LogSoftmax(dim=1))


def loss(name, module, prediction, target):
    prediction = prediction.clone().requires_grad_(True)
    value = module(prediction, target)
    value.backward()
    emit(name + ".prediction", prediction)
    emit(name + ".target", target.to(torch.float64))
    emit(name + ".loss", value)
    emit(name + ".grad", prediction.grad)


z = logits(6, 4)
classes = torch.tensor([0, 1, 3, 2, 2, 0])
probabilities = torch.softmax(torch.randn(6, 4), dim=1)
loss("cross_entropy.classes", torch.nn.CrossEntropyLoss(), z, classes)
loss("cross_entropy.classes_smoothing_0.1", torch.nn.CrossEntropyLoss(label_smoothing=0.1),
     z, classes)
loss("cross_entropy.probabilities", torch.nn.CrossEntropyLoss(), z, probabilities)
loss("cross_entropy.probabilities_smoothing_0.25",
     torch.nn.CrossEntropyLoss(label_smoothing=0.25), z, probabilities)

bce_logits = logits(5, 3)
bce_target = torch.rand(5, 3)
bce_target[0, :] = torch.tensor([1.0, 0.0, 0.5])
bce_target[1, :2] = torch.tensor([0.0, 1.0])
loss("bce_with_logits", torch.nn.BCEWithLogitsLoss(), bce_logits, bce_target)

prediction = torch.randn(5, 3) * 2
target = torch.randn(5, 3) * 2
target[0, 0] = prediction[0, 0]  # a tie: the subgradient at 0
target[1, 1] = prediction[1, 1] + 1.0  # exactly on Huber's corner for delta 1
loss("l1", torch.nn.L1Loss(), prediction, target)
loss("huber", torch.nn.HuberLoss(), prediction, target)
loss("huber_0.5", torch.nn.HuberLoss(delta=0.5), prediction, target)
