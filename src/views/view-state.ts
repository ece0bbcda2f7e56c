// Slack's `view.state.values` as it arrives with a view submission: block id → action id → the
// element's value. Loosely typed on purpose (a payload can carry anything); each view's parser
// reads the fields its own inputs produce.
import { z } from 'zod';

export const viewStateSchema = z.record(
  z.string(),
  z.record(
    z.string(),
    z
      .object({
        value: z.string().nullish(),
        selected_user: z.string().nullish(),
        selected_date: z.string().nullish(),
        selected_option: z.object({ value: z.string() }).nullish(),
        selected_options: z.array(z.object({ value: z.string() })).nullish(),
      })
      .loose(),
  ),
);

export type ViewState = z.infer<typeof viewStateSchema>;
