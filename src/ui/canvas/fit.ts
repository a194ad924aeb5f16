import type { FitViewOptions } from '@xyflow/react';

/** Zoom to fit: boxes drawn outside React Flow when zoomed out are hidden nodes there, and still count. */
export const FIT_OPTIONS: FitViewOptions = { maxZoom: 1.2, padding: 0.2, includeHiddenNodes: true };
export const FIT_ANIMATED: FitViewOptions = { ...FIT_OPTIONS, duration: 200 };
