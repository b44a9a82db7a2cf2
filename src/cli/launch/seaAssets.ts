/** Key of the sample workbook in the single executable's assets (sea-config.json `assets`). */
export const SEA_SAMPLE_ASSET = "kensho-sample-r5.xlsx";
