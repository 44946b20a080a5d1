/**
 * A hand-made fake of Office.context.document.settings (office-addin-mock has no settings store).
 * Values go through JSON on set(), as the host stores them, so numeric keys come back as strings;
 * saveAsync is counted, and can be made to fail.
 */
export interface FakeSettings {
  store: Map<string, string>;
  saves: number;
}

export function installOffice(options: { failSave?: boolean } = {}): FakeSettings {
  const fake: FakeSettings = { store: new Map(), saves: 0 };
  const settings = {
    get: (key: string): unknown => {
      const raw = fake.store.get(key);
      return raw === undefined ? null : JSON.parse(raw);
    },
    set: (key: string, value: unknown): void => {
      fake.store.set(key, JSON.stringify(value));
    },
    remove: (key: string): void => {
      fake.store.delete(key);
    },
    // The adapter compares with Office.AsyncResultStatus, which this fake installs below.
    saveAsync: (callback: (result: { status: string; error?: { message: string } }) => void): void => {
      fake.saves++;
      if (options.failSave) callback({ status: "failed", error: { message: "文档为只读" } });
      else callback({ status: "succeeded" });
    },
  };
  Object.assign(globalThis, {
    Office: { context: { document: { settings } }, AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" } },
  });
  return fake;
}
