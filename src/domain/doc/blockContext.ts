import type { DesignEstimate } from '../capacity/types.ts';
import type { Design } from '../design/schema.ts';

/** What live blocks show: the attached design, its capacity estimate and its Mermaid text (made by the UI layer). */
export interface BlockContext {
  design: Design;
  estimate: DesignEstimate;
  mermaid: string;
}
