import { useEffect } from 'react';
import { loadScenarios, useScenarioLibrary } from '../../state/scenarioLibrary.ts';

/** The validated scenario library, loading it on first use. */
export function useScenarios() {
  const lib = useScenarioLibrary();
  useEffect(() => {
    void loadScenarios();
  }, []);
  return lib;
}
