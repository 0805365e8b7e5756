/** Something the command palette can go to or do. */
export interface PaletteItem {
  /** Unique across the palette: `section:/clients`, `client:<organizationId>`. */
  id: string;
  /** What is matched and shown: a section or client name. */
  label: string;
  /** What kind of thing it is, shown beside the label: `Section`, `Client`, `Action`. */
  kind: string;
  /** Extra words shown after the label (a plan, a status); not matched. */
  detail?: string;
  /** Ranks first among equally good matches (pinned and recent clients). */
  preferred?: boolean;
  run: () => void;
}
