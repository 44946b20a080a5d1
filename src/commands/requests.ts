/**
 * Ribbon commands and the task pane live in one shared runtime (one page), but in separate
 * bundles, so they talk through the page: a command leaves its request on `window` and fires an
 * event; the pane reads the last request when it mounts and listens for new ones.
 */
export interface CommandRequest {
  command: CommandId;
  at: number;
}

export const COMMANDS = {
  validate: "一键校验",
  formatRoster: "格式化花名册",
  buildSummary: "生成汇总表",
  buildNotice: "生成公示表",
  buildForms: "生成申请表",
  preSubmitCheck: "报送前检查",
} as const;

export type CommandId = keyof typeof COMMANDS;

const EVENT = "zizhu:command";

interface RequestWindow {
  __zizhuLastCommand?: CommandRequest;
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
