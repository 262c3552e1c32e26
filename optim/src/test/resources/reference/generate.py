#!/usr/bin/python3
"""Reference values for the optimizers, schedules and gradient clipping of backprop4j's optim
module, computed by PyTorch in float64. The tests read the file this script writes and never
need PyTorch themselves.

Needs:   Python 3 with PyTorch and NumPy; on Debian 12:
             apt-get install -y python3-torch python3-numpy        (PyTorch 1.13)
Run:     /usr/bin/python3 optim/src/test/resources/reference/generate.py
Writes:  trajectories.csv beside this script (replacing it), then the tests compare against it:
             mvn -B -o -pl core,optim verify

The problem. Two parameters, w (2x3) and b (1x3), minimise L = sum((theta - c)^2) from fixed
starting values, with a noisy gradient at step t:

    grad_t = 2 * (theta - c) + noise_t            noise_t = 3 * 0.7^(t-1) * N(0, 1)

so the gradients are large at first and shrink, as in training (which is what makes amsgrad's
running maximum differ from the second moment itself). The Java test computes the same
expression from the same numbers, operation for operation. Each case runs 15 steps, in epochs of
`steps_per_epoch` steps; a schedule steps once after each epoch's optimizer steps; clipping runs
before every optimizer step.

The file. CSV with the header `case,step,name,values`; `values` holds numbers separated by
spaces, written with repr() so that they read back to the same doubles:

    common,0,w / b                    the starting values, row by row
    common,0,target.w / target.b      c
    common,t,noise.w / noise.b        noise_t, for t = 1..15
    <case>,0,config                   key=value pairs separated by spaces: the optimizer and its
                                      options under PyTorch's names, the schedule, max_norm,
                                      steps, steps_per_epoch
    <case>,t,w / b                    the parameters after step t
    <case>,t,lr                       the learning rate step t+1 will use (after the schedule)
    <case>,t,norm                     what clip_grad_norm_ returned before step t
    <case>,15,state.<kind>.<w or b>   the optimizer's per-parameter state at the end, under the
                                      names PyTorch gives it (exp_avg, square_avg, ...)

Cases whose name starts with `lr-` are schedules alone: `steps` epochs of one step each on zero
gradients, recording only the learning rate (with `lr` at step 0 the starting rate).
"""

import csv
import math
import os

import torch

torch.set_default_dtype(torch.float64)

STEPS = 15

START = {
    'w': [[1.5, -0.8, 0.3], [-1.2, 2.0, 0.7]],
    'b': [[0.4, -1.1, 0.9]],
}
TARGET = {
    'w': [[0.5, 0.2, -0.6], [0.8, -0.4, 1.3]],
    'b': [[-0.3, 0.6, 0.1]],
}


def noise():
    """noise[t][name] for t = 1..STEPS; index 0 unused."""
    gen = torch.Generator().manual_seed(20240611)
    out = [None]
    for t in range(1, STEPS + 1):
        scale = 3 * 0.7 ** (t - 1)
        out.append({name: torch.randn(len(START[name]), len(START[name][0]), generator=gen,
                                      dtype=torch.float64) * scale
                    for name in ('w', 'b')})
    return out


def optimizer(params, c):
    kind = c['optimizer']
    if kind == 'sgd':
        return torch.optim.SGD(params, lr=c['lr'], momentum=c['momentum'],
                               dampening=c['dampening'], nesterov=c['nesterov'],
                               weight_decay=c['weight_decay'], foreach=False)
    if kind in ('adam', 'adamw'):
        cls = torch.optim.Adam if kind == 'adam' else torch.optim.AdamW
        return cls(params, lr=c['lr'], betas=(c['beta1'], c['beta2']), eps=c['eps'],
                   weight_decay=c['weight_decay'], amsgrad=c['amsgrad'], foreach=False)
    if kind == 'rmsprop':
        return torch.optim.RMSprop(params, lr=c['lr'], alpha=c['alpha'], eps=c['eps'],
                                   weight_decay=c['weight_decay'], momentum=c['momentum'],
                                   centered=c['centered'], foreach=False)
    raise ValueError(kind)


def scheduler(opt, c):
    kind = c.get('scheduler', 'none')
    if kind == 'none':
        return None
    if kind == 'steplr':
        return torch.optim.lr_scheduler.StepLR(opt, step_size=c['step_size'], gamma=c['gamma'])
    if kind == 'exponentiallr':
        return torch.optim.lr_scheduler.ExponentialLR(opt, gamma=c['gamma'])
    if kind == 'cosineannealinglr':
        return torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=c['t_max'],
                                                          eta_min=c['eta_min'])
    raise ValueError(kind)


SGD = dict(optimizer='sgd', lr=0.05, momentum=0.0, dampening=0.0, nesterov=False,
           weight_decay=0.0)
ADAM = dict(optimizer='adam', lr=0.1, beta1=0.9, beta2=0.9, eps=1e-8, weight_decay=0.0,
            amsgrad=False)
ADAMW = dict(ADAM, optimizer='adamw', weight_decay=0.01)
RMSPROP = dict(optimizer='rmsprop', lr=0.01, alpha=0.99, eps=1e-8, weight_decay=0.0,
               momentum=0.0, centered=False)


def trajectories():
    """(name, config) of the 15-step runs: every combination of each optimizer's switches.

    Adam's grid uses beta2 = 0.9 rather than the default 0.999: the second moment then follows
    the shrinking gradients down within 15 steps, and amsgrad's maximum departs from it.
    """
    cases = []
    for amsgrad in (False, True):
        for decay in (0.0, 0.1):
            suffix = ('-amsgrad' if amsgrad else '') + ('-decay' if decay else '')
            cases.append(('adam' + suffix, dict(ADAM, amsgrad=amsgrad, weight_decay=decay)))
            cases.append(('adamw' + suffix, dict(ADAMW, amsgrad=amsgrad, weight_decay=decay)))
    cases.append(('adam-defaults', dict(ADAM, lr=1e-3, beta2=0.999)))
    cases.append(('adam-betas', dict(ADAM, beta1=0.5, beta2=0.75, eps=1e-3)))
    for centered in (False, True):
        for momentum in (0.0, 0.9):
            for decay in (0.0, 0.1):
                suffix = (('-centered' if centered else '') + ('-momentum' if momentum else '')
                          + ('-decay' if decay else ''))
                cases.append(('rmsprop' + suffix, dict(RMSPROP, centered=centered,
                                                       momentum=momentum, weight_decay=decay)))
    cases.append(('rmsprop-alpha', dict(RMSPROP, lr=0.02, alpha=0.5, eps=1e-4)))
    cases.append(('sgd-momentum', dict(SGD, momentum=0.9, dampening=0.1, weight_decay=0.01)))
    cases.append(('sgd-nesterov', dict(SGD, momentum=0.8, nesterov=True)))
    # Each schedule, in epochs of three steps. The cosine cases reach lr = 0 (eta_min = 0) after
    # t_max epochs, take three steps with it, and climb again.
    cases.append(('steplr-sgd', dict(SGD, momentum=0.9, scheduler='steplr', step_size=2,
                                     gamma=0.5, steps_per_epoch=3)))
    cases.append(('exponentiallr-adamw', dict(ADAMW, scheduler='exponentiallr', gamma=0.7,
                                              steps_per_epoch=3)))
    cases.append(('cosine-adam', dict(ADAM, scheduler='cosineannealinglr', t_max=2,
                                      eta_min=0.0, steps_per_epoch=3)))
    cases.append(('cosine-rmsprop', dict(RMSPROP, momentum=0.5, scheduler='cosineannealinglr',
                                         t_max=3, eta_min=0.002, steps_per_epoch=1)))
    # Clipping before each step: a threshold never reached, one always exceeded, and one the
    # early (noisy) gradients exceed and the later ones do not.
    cases.append(('clip-below-sgd', dict(SGD, momentum=0.9, max_norm=100.0)))
    cases.append(('clip-above-adam', dict(ADAM, max_norm=0.5)))
    cases.append(('clip-mixed-sgd', dict(SGD, max_norm=6.0)))
    cases.append(('clip-mixed-rmsprop', dict(RMSPROP, centered=True, max_norm=6.0,
                                             scheduler='exponentiallr', gamma=0.9,
                                             steps_per_epoch=5)))
    return cases


def schedules():
    """(name, config, epochs) of the schedules alone, over several periods of the cosine."""
    base = dict(SGD, lr=0.1)
    return [
        ('lr-steplr', dict(base, scheduler='steplr', step_size=3, gamma=0.1), 20),
        ('lr-exponentiallr', dict(base, scheduler='exponentiallr', gamma=0.95), 40),
        ('lr-cosine-7', dict(base, scheduler='cosineannealinglr', t_max=7, eta_min=0.0), 31),
        ('lr-cosine-5-min', dict(base, scheduler='cosineannealinglr', t_max=5, eta_min=0.01),
         23),
        ('lr-cosine-1', dict(base, scheduler='cosineannealinglr', t_max=1, eta_min=0.0), 6),
        ('lr-cosine-4-above', dict(base, scheduler='cosineannealinglr', t_max=4, eta_min=0.3),
         17),
    ]


def text(x):
    if isinstance(x, bool):
        return 'true' if x else 'false'
    return x if isinstance(x, str) else repr(x)


def numbers(t):
    return ' '.join(repr(float(v)) for v in t.reshape(-1).tolist())


def config_row(name, c):
    return [name, 0, 'config', ' '.join(f'{k}={text(v)}' for k, v in c.items())]


def run(name, c, noise_t, rows):
    c = dict(c, steps=STEPS, steps_per_epoch=c.get('steps_per_epoch', 1))
    rows.append(config_row(name, c))
    params = {n: torch.tensor(START[n], requires_grad=True) for n in ('w', 'b')}
    target = {n: torch.tensor(TARGET[n]) for n in ('w', 'b')}
    opt = optimizer([params['w'], params['b']], c)
    sched = scheduler(opt, c)
    for t in range(1, STEPS + 1):
        for n, p in params.items():
            p.grad = 2 * (p.detach() - target[n]) + noise_t[t][n]
        if 'max_norm' in c:
            norm = torch.nn.utils.clip_grad_norm_([params['w'], params['b']], c['max_norm'])
            rows.append([name, t, 'norm', repr(float(norm))])
        opt.step()
        if sched is not None and t % c['steps_per_epoch'] == 0:
            sched.step()
        for n, p in params.items():
            rows.append([name, t, n, numbers(p.detach())])
        rows.append([name, t, 'lr', repr(float(opt.param_groups[0]['lr']))])
    for n, p in params.items():
        for kind, value in opt.state[p].items():
            if kind != 'step' and value is not None:
                rows.append([name, STEPS, f'state.{kind}.{n}', numbers(value)])


def run_schedule(name, c, epochs, rows):
    c = dict(c, steps=epochs, steps_per_epoch=1)
    rows.append(config_row(name, c))
    p = torch.zeros(1, requires_grad=True)
    p.grad = torch.zeros(1)
    opt = optimizer([p], c)
    sched = scheduler(opt, c)
    rows.append([name, 0, 'lr', repr(float(opt.param_groups[0]['lr']))])
    for epoch in range(1, epochs + 1):
        opt.step()
        sched.step()
        rows.append([name, epoch, 'lr', repr(float(opt.param_groups[0]['lr']))])


def main():
    noise_t = noise()
    rows = [['case', 'step', 'name', 'values']]
    for n in ('w', 'b'):
        rows.append(['common', 0, n, numbers(torch.tensor(START[n]))])
    for n in ('w', 'b'):
        rows.append(['common', 0, 'target.' + n, numbers(torch.tensor(TARGET[n]))])
    for t in range(1, STEPS + 1):
        for n in ('w', 'b'):
            rows.append(['common', t, 'noise.' + n, numbers(noise_t[t][n])])
    for name, c in trajectories():
        run(name, c, noise_t, rows)
    for name, c, epochs in schedules():
        run_schedule(name, c, epochs, rows)
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'trajectories.csv')
    with open(out, 'w', newline='') as f:
        csv.writer(f, lineterminator='\n').writerows(rows)
    print(f'wrote {len(rows) - 1} rows to {out} (torch {torch.__version__})')


if __name__ == '__main__':
    main()
