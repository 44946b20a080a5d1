// Task pane inside Office (taskpane.html, loaded with office.js in the shared runtime).
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { pickLocale } from "./strings";
import { isDarkBackground } from "./theme";
import { createOfficeHost } from "../src/adapters/office/pane-host";
import { createOfficeRecipeHost } from "../src/adapters/office/recipe-host";
import { whenOfficeReady } from "../src/adapters/office/pane-start";

whenOfficeReady((env) => {
  const root = document.getElementById("root");
  if (!root) return;
  createRoot(root).render(
    <App
      host={createOfficeHost()}
      recipes={createOfficeRecipeHost()}
      locale={pickLocale(env.language)}
      dark={isDarkBackground(env.bodyBackground)}
    />,
  );
});
