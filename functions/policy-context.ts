import { seedPack, type Pack } from "../src/core/policy";

/**
 * The policy pack the functions decide with: the seed pack unless a host has chosen another (the
 * CLI's --pack, the task pane's pack setting).
 */
let active: Pack | undefined;

export function activePack(): Pack {
  return active ?? seedPack();
}

export function setActivePack(pack: Pack | undefined): void {
  active = pack;
}
