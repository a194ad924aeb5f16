import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** Small UI preferences; versioned so a later shape can migrate them. */
interface Prefs {
  snap: boolean;
  minimap: boolean;
  toggleSnap: () => void;
  toggleMinimap: () => void;
}

export const usePrefs = create<Prefs>()(
  persist(
    (set) => ({
      snap: true,
      minimap: true,
      toggleSnap: () => set((s) => ({ snap: !s.snap })),
      toggleMinimap: () => set((s) => ({ minimap: !s.minimap })),
    }),
    { name: 'mlsd.prefs', version: 1, partialize: (s) => ({ snap: s.snap, minimap: s.minimap }) },
  ),
);
