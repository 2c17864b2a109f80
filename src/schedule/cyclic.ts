// Cyclical learning rates (Smith 2017), matching PyTorch's CyclicLR:
// https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.CyclicLR.html

import type { KindConfig } from "./schema.js";
import type { Schedule } from "./types.js";

/**
 * Triangle waves between base_lr and max_lr: up in step_size_up steps, down in step_size_down.
 * With cycle_momentum, momentum moves the other way, from max_momentum down to base_momentum.
 * NOTE: with Adam the cycled momentum is beta1 (Adam has no `momentum`, pytorch/pytorch
 * #73910); that is why lr-find's cycle_momentum defaults to false, unlike PyTorch's.
 */
export function cyclicSchedule(c: KindConfig<"cyclic">): Schedule {
  const totalSize = c.step_size_up + (c.step_size_down ?? c.step_size_up);
  const stepRatio = c.step_size_up / totalSize;

  // where in its cycle step t sits (0..1 up, 1..0 down) and the mode's amplitude factor,
  // with PyTorch's operation order so results agree bit for bit
  function wave(t: number): { scale: number; amplitude: number } {
    const cycle = Math.floor(1 + t / totalSize);
    const x = 1 + t / totalSize - cycle;
    const scale = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
    if (c.mode === "triangular") return { scale, amplitude: 1 };
    if (c.mode === "triangular2") return { scale, amplitude: 1 / 2 ** (cycle - 1) };
    return { scale, amplitude: c.gamma ** t }; // exp_range scales by iterations, not cycles
  }

  // lr_t = base_lr + (max_lr - base_lr) * scale * amplitude
  const lrAt = (t: number): number => {
    const { scale, amplitude } = wave(Math.max(t, 0));
    return c.base_lr + (c.max_lr - c.base_lr) * scale * amplitude;
  };
  if (!c.cycle_momentum) return { kind: c.kind, lrAt };

  // m_t = max_momentum - (max_momentum - base_momentum) * scale * amplitude
  const momentumAt = (t: number): number => {
    const { scale, amplitude } = wave(Math.max(t, 0));
    return c.max_momentum - (c.max_momentum - c.base_momentum) * scale * amplitude;
  };
  return { kind: c.kind, lrAt, momentumAt };
}
