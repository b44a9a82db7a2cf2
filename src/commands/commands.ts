// FunctionFile for the ribbon. The ribbon button uses ShowTaskpane, so there is nothing to
// register; Office still requires the page to load office.js and call onReady.
Office.onReady(() => {
  // Intentionally empty.
});
