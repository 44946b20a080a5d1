import { TextDecoder as NodeTextDecoder } from "node:util";

// jsdom lacks a few browser APIs Fluent UI v9 touches (media queries for reduced motion, element
// resize observation, scrollIntoView); minimal inert versions, installed once per test file.
if (typeof window !== "undefined") {
  if (!window.matchMedia) {
    window.matchMedia = (query: string): MediaQueryList =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (!("ResizeObserver" in window)) {
    class ResizeObserverStub {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverStub;
  }
  // jsdom's File/Blob has no arrayBuffer(); every browser the pane supports does.
  if (!Blob.prototype.arrayBuffer) {
    Blob.prototype.arrayBuffer = function arrayBuffer(this: Blob): Promise<ArrayBuffer> {
      return new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.onerror = () => reject(reader.error ?? new Error("FileReader failed"));
        reader.readAsArrayBuffer(this);
      });
    };
  }
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;
}

export {};

// jsdom has no TextDecoder; every browser the pane supports does (the pane decodes pack files).
if (typeof globalThis.TextDecoder === "undefined") {
  (globalThis as { TextDecoder: unknown }).TextDecoder = NodeTextDecoder;
}

// The pane's parts loaded on first use (taskpane/lazy.tsx) are fetched once before the tests, so a
// test sees a tab's content as soon as it opens the tab, as a user does once the chunk is cached.
beforeAll(async () => {
  const { preloadParts } = await import("../../taskpane/lazy");
  await preloadParts();
});
