// The city layouts live with the scripts that write fixtures (npm run fixtures writes them too).
export * from "../../scripts/cityLayouts";
