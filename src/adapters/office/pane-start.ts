/**
 * Office's start-up for the task pane (taskpane/index.tsx): waits for office.js, then hands the
 * pane what it needs from Office to render — its display language and whether the theme is dark
 * (the body background colour, read by the pane's isDarkBackground). The pane itself never uses
 * the Office global.
 */
export interface OfficePaneEnvironment {
  /** Office's display language ("zh-CN", "en-US"…), when it says. */
  language: string | undefined;
  /** The theme's body background colour ("#1f1f1f"), when Office reports a theme. */
  bodyBackground: string | undefined;
}

export function whenOfficeReady(start: (env: OfficePaneEnvironment) => void): void {
  void Office.onReady(() => {
    start({
      language: Office.context?.displayLanguage,
      bodyBackground: Office.context?.officeTheme?.bodyBackgroundColor,
    });
  });
}
