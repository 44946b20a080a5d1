// Standalone page (standalone.html): the same pane in a plain browser, without office.js.
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { pickLocale } from "./strings";

const root = document.getElementById("root");
if (root) {
  const params = new URLSearchParams(window.location.search);
  createRoot(root).render(<App mode="standalone" locale={pickLocale(params.get("lang") ?? navigator.language)} />);
}
