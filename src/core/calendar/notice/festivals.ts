/** The festivals a notice names, and the months each one's days can fall in. */

/** The months a festival's days (off and make-up) can fall in. */
const SEASONS: Readonly<Record<string, readonly number[]>> = {
  元旦: [12, 1],
  新年: [12, 1],
  春节: [1, 2, 3],
  清明节: [3, 4],
  清明: [3, 4],
  劳动节: [4, 5],
  国际劳动节: [4, 5],
  "“五一”": [4, 5],
  "“五一”国际劳动节": [4, 5],
  五一: [4, 5],
  端午节: [5, 6],
  端午: [5, 6],
  中秋节: [8, 9, 10],
  中秋: [8, 9, 10],
  国庆节: [9, 10],
  国庆: [9, 10],
  "“十一”": [9, 10],
  十一: [9, 10],
};

const NAME_ALTERNATIVES = Object.keys(SEASONS)
  .sort((a, b) => b.length - a.length)
  .join("|");
/** A known festival name (or several, 中秋节、国庆节) at the start of a line. */
export const KNOWN_NAMES = new RegExp(`^((?:${NAME_ALTERNATIVES})(?:[、和](?:${NAME_ALTERNATIVES}))*)`);

export function seasonOf(name: string): readonly number[] | null {
  const months = new Set<number>();
  for (const part of name.split(/[、和]/)) {
    const season = SEASONS[part];
    if (!season) return null;
    for (const m of season) months.add(m);
  }
  return [...months];
}
