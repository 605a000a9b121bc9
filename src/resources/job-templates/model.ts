// The hub model of a job template as the API publishes it: the catalogue entry (job-engine/templates.ts)
// with its jobParams schema rendered as the JSON Schema clients read (job-templates.md §1).

/** One catalogue entry, as stored in job_templates. */
export interface JobTemplateRecord {
  /** HPE's durable template id (UUID), the same in every region. */
  id: string;
  /** Exact name clients match on, e.g. `GroupFirmwareUpdate`. */
  name: string;
  description: string;
  /** JSON Schema of the job's jobParams (legacy `data`). */
  schema: Record<string, unknown>;
  generation: number;
  createdAt: string;
  updatedAt: string;
}
