/**
 * A live figure's "Seeds" switch: its headline chart's five committed seeds (src/traces/bands/) as a
 * shaded range and median behind the run, and how many of those seeds the chapter's claim holds on, read
 * from the replication file by the replication page's own check (claims.ts). Off until asked: the figure
 * makes its one point first, and the band file and the claims load only when the reader turns it on
 * (they stay out of the page's first script). The band is of the default settings, so it draws only
 * while the figure's settings are those (any seed or step cap).
 */
import { bandPlanOf, seedBands, type BandFile, type BandPlan, type SeedBand } from '../../traces/band';
import { agreementOf, type Agreement } from './seed-agreement';

/** The band files, each its own chunk, fetched on first use. */
const BAND_FILES = import.meta.glob<BandFile>('../../traces/bands/*.json', { import: 'default' });

export class SeedBands {
  readonly plan: BandPlan | undefined;
  shown = $state(false);
  file: BandFile | null = $state(null);
  agreement: Agreement | null = $state(null);
  failed = $state(false);

  /**
   * `atDefaults`: whether the figure's settings are the band's (its experiment's defaults); `sameNetwork`:
   * whether its network is the band's (the bands are of the default network only: the convnet's seeds 2–5
   * would add 4 to 12 minutes of training per figure to `npm run bands`, R2c–R4c's recorded seconds).
   */
  constructor(
    experiment: string,
    private readonly atDefaults: () => boolean,
    readonly sameNetwork: () => boolean,
  ) {
    this.plan = bandPlanOf(experiment);
  }

  get available(): boolean {
    return this.plan !== undefined && `../../traces/bands/${this.plan.experiment}.json` in BAND_FILES;
  }

  /** Whether the band is drawn now: asked for, loaded, and the settings are the band's. */
  get drawn(): boolean {
    return this.shown && this.file !== null && this.atDefaults();
  }

  async show(on: boolean): Promise<void> {
    this.shown = on;
    if (!on || this.file || !this.plan) return;
    try {
      const [file, agreement] = await Promise.all([BAND_FILES[`../../traces/bands/${this.plan.experiment}.json`]!(), agreementOf(this.plan)]);
      this.file = file;
      this.agreement = agreement;
    } catch {
      this.failed = true;
    }
  }

  /** The bands of `metric` for the arms shown (none unless drawn, or for another chart's metric). */
  bands(metric: string, arms: readonly string[], smooth?: number): SeedBand[] {
    return this.drawn && this.file!.metric === metric ? seedBands(this.file!, arms, smooth) : [];
  }
}
