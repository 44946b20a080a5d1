// Task pane inside Office (taskpane.html, loaded with office.js in the shared runtime).
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { pickLocale } from "./strings";
import { isDarkBackground } from "./theme";
import { createOfficeHost } from "../src/adapters/office/pane-host";
import { createOfficeRecipeHost } from "../src/adapters/office/recipe-host";

void Office.onReady(() => {
  const root = document.getElementById("root");
  if (!root) return;
  const language = Office.context?.displayLanguage;
  const dark = isDarkBackground(Office.context?.officeTheme?.bodyBackgroundColor);
  createRoot(root).render(
    <App host={createOfficeHost()} recipes={createOfficeRecipeHost()} locale={pickLocale(language)} dark={dark} />,
  );
});
