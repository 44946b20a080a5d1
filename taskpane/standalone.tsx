// Standalone page (standalone.html): the same pane in a plain browser, without office.js. The
// roster is a file the user opens; results are downloads; the page's CSP allows its own origin only.
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { pickLocale } from "./strings";
import { createStandaloneHost } from "../src/adapters/standalone/pane-host";
import { createStandaloneRecipeHost } from "../src/adapters/standalone/recipe-host";
import { downloadBytes } from "../src/adapters/standalone/download";
import { createEngine } from "../src/adapters/engine";

const root = document.getElementById("root");
if (root) {
  const params = new URLSearchParams(window.location.search);
  const tab = params.get("tab");
  // One engine for the page: the file the 校验 tab read into it is the one 流程 writes from.
  const engine = createEngine();
  const host = createStandaloneHost({ engine });
  createRoot(root).render(
    <App
      host={host}
      recipes={createStandaloneRecipeHost(downloadBytes, engine)}
      locale={pickLocale(params.get("lang") ?? navigator.language)}
      initialTab={tab === "privacy" || tab === "tools" || tab === "sheets" || tab === "recipes" ? tab : "check"}
    />,
  );
}
