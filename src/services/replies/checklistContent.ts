/** A numbered list of steps, shown one step at a time or whole. */
export interface ChecklistContent {
  title: string;
  steps: string[];
  /** The 1-based step to show ("Step 2 of 7"), or 'all' for the whole list. */
  current: number | 'all';
}
