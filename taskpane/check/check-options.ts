/** The 校验 tab's choices (program, 在校生人数, roster kind) as the options of a check and of its fixes. */
import {
  type CheckOptions,
  type CivilDate,
  type PlanOptions,
  type Pack,
  type RosterKind,
  type ColumnOverrides,
  ROSTER_KINDS,
} from "../../src/core";
import type { UiLocale } from "../strings";
import { enrolledOption } from "../options";

export const KINDS = ["auto", ...ROSTER_KINDS] as const;
export type KindChoice = (typeof KINDS)[number];

/** What the options form holds: "" is 按“资助项目”列 for the program and no 在校生人数. */
export interface CheckChoices {
  program: string;
  enrolled: string;
  kind: KindChoice;
}

export const DEFAULT_CHOICES: CheckChoices = { program: "", enrolled: "", kind: "auto" };

export function kindOption(kind: KindChoice): RosterKind | undefined {
  return kind === "auto" ? undefined : kind;
}

/** The options of one check; `plan` is the part the safe fixes are planned with. */
export function checkOptions(
  choices: CheckChoices,
  env: { pack: Pack; today: CivilDate; locale: UiLocale; columnOverrides?: Record<string, ColumnOverrides> },
): { plan: PlanOptions; check: CheckOptions } {
  const plan: PlanOptions = {
    pack: env.pack,
    today: env.today,
    program: choices.program === "" ? undefined : choices.program,
  };
  const check: CheckOptions = {
    ...plan,
    kind: kindOption(choices.kind),
    enrolled: enrolledOption(choices.enrolled),
    locale: env.locale,
    columnOverrides: env.columnOverrides,
  };
  return { plan, check };
}
