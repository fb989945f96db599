"""A small fully convolutional CTC line recogniser and its training loop, shared by the digits
and the words models.

No recurrent layers: OpenCV DNN (what the Java side runs) handles Conv/BN/ReLU/MaxPool well and
LSTMs poorly, and a few 1-D convolutions over the width give enough context for figures.
"""
import math, os, random, sys, time
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def block(ci, co, k=3, p=1):
    return [nn.Conv2d(ci, co, k, padding=p, bias=False), nn.BatchNorm2d(co), nn.ReLU(inplace=True)]


class CtcNet(nn.Module):
    """1 x 32 x W -> log-probabilities N x C x 1 x W/4."""
    def __init__(self, n_classes, ch=(16, 32, 64, 96, 128), ctx=2, ctx_k=5):
        super().__init__()
        c1, c2, c3, c4, c5 = ch
        # stride 2 at once: full-resolution BN/ReLU/pool cost more than all the convolutions on
        # this CPU, and a 2-px step still resolves 2-px pen strokes
        layers = [nn.Conv2d(1, c1, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(c1), nn.ReLU(inplace=True)]  # 16 x W/2
        layers += block(c1, c2) + [nn.MaxPool2d(2, 2)]         # 8 x W/4
        layers += block(c2, c3) + block(c3, c3) + [nn.MaxPool2d((2, 1), (2, 1))]  # 4 x W/4
        layers += block(c3, c4) + block(c4, c4) + [nn.MaxPool2d((2, 1), (2, 1))]  # 2 x W/4
        layers += block(c4, c5, (2, 1), 0)                     # 1 x W/4
        for _ in range(ctx):
            layers += block(c5, c5, (1, ctx_k), (0, ctx_k // 2))
        self.features = nn.Sequential(*layers)
        self.head = nn.Conv2d(c5, n_classes, 1)

    def forward(self, x):
        return F.log_softmax(self.head(self.features(x)), dim=1)


def greedy(logp, alphabet):
    """logp: T x C numpy; best path decoding."""
    best = logp.argmax(1)
    out, prev = [], 0
    for b in best:
        if b != prev and b != 0:
            out.append(alphabet[b - 1])
        prev = b
    return "".join(out)


def train(model, X, Y, alphabet, Xv, Yv, Kv, steps, batch, lr, seed, log, aug=None):
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    idx = {c: i + 1 for i, c in enumerate(alphabet)}
    targets = [torch.tensor([idx[c] for c in y], dtype=torch.long) for y in Y]
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr, total_steps=steps, pct_start=0.15)
    ctc = nn.CTCLoss(blank=0, zero_infinity=True)
    t0 = time.time()
    # Most crops fill a third of the 256-px input; training on the columns that matter (plus a
    # receptive field of zeros) halves the cost. Batches are made of samples of similar width.
    full = X.shape[2]
    inked = X.max(axis=1) > 0
    widths = np.where(inked.any(1), full - np.argmax(inked[:, ::-1], axis=1), 1)
    margin = 64

    def epoch_batches():
        order = rng.permutation(len(X))
        out = []
        for g in range(0, len(order), batch * 64):
            grp = order[g:g + batch * 64]
            grp = grp[np.argsort(widths[grp], kind="stable")]
            out += [grp[i:i + batch] for i in range(0, len(grp) - batch + 1, batch)]
        return [out[i] for i in rng.permutation(len(out))]

    batches, run = [], 0.0
    for step in range(1, steps + 1):
        if not batches:
            batches = epoch_batches()
        bi = batches.pop()
        w = min(full, int(math.ceil((widths[bi].max() + margin) / 16.0)) * 16)
        xb = torch.from_numpy(X[bi, :, :w].astype(np.float32) / 255.0).unsqueeze(1)
        if aug is not None:
            xb = aug(xb, rng)
        model.train()
        out = model(xb)  # N C 1 T
        lp = out.squeeze(2).permute(2, 0, 1)  # T N C
        tg = [targets[i] for i in bi]
        loss = ctc(lp, torch.cat(tg), torch.full((len(bi),), lp.shape[0], dtype=torch.long),
                   torch.tensor([len(t) for t in tg], dtype=torch.long))
        opt.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        opt.step()
        sched.step()
        run = 0.98 * run + 0.02 * loss.item() if step > 1 else loss.item()
        if step % 200 == 0 or step == steps:
            log(f"step {step}/{steps} loss {run:.3f} lr {sched.get_last_lr()[0]:.2e} {time.time() - t0:.0f}s")
        if step % 500 == 0 and step < steps:
            acc = evaluate(model, Xv[:600], Yv[:600], Kv[:600], alphabet)
            log(f"  val {acc}")
    return model


def predict(model, X, bs=256):
    model.eval()
    outs = []
    with torch.no_grad():
        for i in range(0, len(X), bs):
            xb = torch.from_numpy(X[i:i + bs].astype(np.float32) / 255.0).unsqueeze(1)
            outs.append(model(xb).squeeze(2).permute(0, 2, 1).numpy())
    return np.concatenate(outs)


def edit_distance(a, b):
    d = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, d[0] = d[0], i
        for j, cb in enumerate(b, 1):
            prev, d[j] = d[j], min(d[j] + 1, d[j - 1] + 1, prev + (ca != cb))
    return d[len(b)]


def evaluate(model, X, Y, K, alphabet):
    """Exact-string accuracy (best path) by kind, and the character error rate overall."""
    lp = predict(model, X)
    ok, errs, chars = {}, 0, 0
    for p, y, k in zip(lp, Y, K):
        g = greedy(p, alphabet)
        errs += edit_distance(g, y)
        chars += len(y)
        parts = str(k).split("-")
        for key in ("all", parts[0], parts[1], parts[2]):
            a, n = ok.get(key, (0, 0))
            ok[key] = (a + (g == y), n + 1)
    res = {k: f"{a / n:.4f} ({n})" for k, (a, n) in sorted(ok.items())}
    res["cer"] = f"{errs / max(1, chars):.4f}"
    return res


def export_onnx(model, path, width, height=32):
    model.eval()
    x = torch.zeros(1, 1, height, width)
    torch.onnx.export(model, x, path, opset_version=13, input_names=["input"], output_names=["logp"],
                      do_constant_folding=True)


def main(alphabet, width, default_steps, **net):
    """train.py TRAIN.npz VAL.npz OUT.onnx [STEPS]: trains CtcNet(**net) on a recipe's data, saves
    OUT.onnx.pt and exports OUT.onnx for input 1x1x32xwidth."""
    tr, va, out = sys.argv[1:4]
    steps = int(sys.argv[4]) if len(sys.argv) > 4 else default_steps
    # more threads only spin against the other jobs on a shared 2-core machine
    torch.set_num_threads(int(os.environ.get("THREADS", "1")))
    random.seed(0); np.random.seed(0); torch.manual_seed(0)
    d, v = np.load(tr), np.load(va)
    X, Y = d["X"], [str(s) for s in d["y"]]
    Xv, Yv, Kv = v["X"], [str(s) for s in v["y"]], [str(s) for s in v["kind"]]
    model = CtcNet(len(alphabet) + 1, **net)
    if os.environ.get("INIT"):  # fine-tuning: start from an earlier run's weights (its .pt)
        model.load_state_dict(torch.load(os.environ["INIT"]))
    log = lambda m: print(time.strftime("%H:%M:%S"), m, flush=True)
    log(f"train {len(X)} val {len(Xv)} params {sum(p.numel() for p in model.parameters())}")
    train(model, X, Y, alphabet, Xv, Yv, Kv, steps, 32, float(os.environ.get("LR", "3e-3")), 0, log)
    torch.save(model.state_dict(), out + ".pt")
    export_onnx(model, out, width)
    log(f"exported {out} {os.path.getsize(out)} bytes")
    log(f"final val {evaluate(model, Xv, Yv, Kv, alphabet)}")
