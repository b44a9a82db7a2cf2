/** What Office.js rejects with: an OfficeExtension.Error carries a string `code` (Excel.ErrorCodes). */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}
