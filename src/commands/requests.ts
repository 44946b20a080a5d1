/**
 * Ribbon commands and the task pane live in one shared runtime (one page), but in separate
 * bundles, so they talk through the page: a command leaves its request on `window` and fires an
 * event; the pane reads the last request when it mounts and listens for new ones.
 */
import { RIBBON_LABELS } from "../core";

export interface CommandRequest {
  command: CommandId;
  at: number;
}

/**
 * The ribbon's buttons (manifest.xml FunctionName → label): the registry's commands that have one
 * (core/commands/names.ts: plain data, so this bundle stays small), and 运行流程, which opens the
 * recipe view.
 */
export const COMMANDS = { ...RIBBON_LABELS, runRecipe: "运行流程" } as const;

export type CommandId = keyof typeof COMMANDS;

const EVENT = "zizhu:command";

interface RequestWindow {
  __zizhuLastCommand?: CommandRequest;
  /** `at` of the requests the pane has acted on: a request is run once, even if the pane remounts. */
  __zizhuHandled?: number[];
}

export function postCommandRequest(target: Window, command: CommandId, at: number): void {
  const request: CommandRequest = { command, at };
  (target as unknown as RequestWindow).__zizhuLastCommand = request;
  target.dispatchEvent(new CustomEvent<CommandRequest>(EVENT, { detail: request }));
}

export function lastCommandRequest(target: Window): CommandRequest | undefined {
  return (target as unknown as RequestWindow).__zizhuLastCommand;
}

export function onCommandRequest(target: Window, listener: (request: CommandRequest) => void): () => void {
  const handler = (e: Event): void => listener((e as CustomEvent<CommandRequest>).detail);
  target.addEventListener(EVENT, handler);
  return () => target.removeEventListener(EVENT, handler);
}

/**
 * Marks a request as acted on; false when it already was (the pane read it at mount and got its
 * event too, or the pane was mounted again in the same runtime).
 */
export function claimCommandRequest(target: Window, request: CommandRequest): boolean {
  const w = target as unknown as RequestWindow;
  const handled = (w.__zizhuHandled ??= []);
  if (handled.includes(request.at)) return false;
  handled.push(request.at);
  return true;
}

/** Whether the pane has acted on this request already. */
export function commandClaimed(target: Window, request: CommandRequest): boolean {
  return ((target as unknown as RequestWindow).__zizhuHandled ?? []).includes(request.at);
}
