import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';

/** Subscribe to a Dexie live query: re-runs when the tables it read change, in this tab or another. */
export function useLive<T>(query: () => Promise<T>, deps: readonly unknown[]): { value: T | undefined; error: unknown } {
  const [state, setState] = useState<{ value: T | undefined; error: unknown }>({ value: undefined, error: null });
  useEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: (value) => setState({ value, error: null }),
      error: (error: unknown) => setState((s) => ({ value: s.value, error })),
    });
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- callers pass the query's inputs as deps
  }, deps);
  return state;
}
