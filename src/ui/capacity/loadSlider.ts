/** The what-if slider moves through these multipliers of the peak load (×0.5 … ×10, denser near ×1). */
export const LOAD_STEPS = [0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4, 5, 6, 8, 10] as const;

export function sliderToMultiplier(i: number): number {
  return LOAD_STEPS[Math.max(0, Math.min(LOAD_STEPS.length - 1, Math.round(i)))] ?? 1;
}

export function multiplierToSlider(m: number): number {
  let best = 0;
  LOAD_STEPS.forEach((s, i) => {
    if (Math.abs(s - m) < Math.abs((LOAD_STEPS[best] ?? 1) - m)) best = i;
  });
  return best;
}
