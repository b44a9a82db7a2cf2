// Where an add-in may keep data inside the workbook: custom XML parts (ExcelApi 1.5) and the
// add-in's settings through the Excel API (ExcelApi 1.4). [customXmlParts] None of these calls is in
// the undo article's list of unsupported APIs, so they leave the user's undo stack alone. [ctrlZ]
// Ctrl+Z does not take a part back (OfficeDev/office-js#6415), nor (harsher) a setting.
import { FakeClientResult, FakeProxy, splitProps, type FakeContext } from "./context";
import { FakeOfficeError } from "./errors";
import type { FXmlPart } from "./model";

interface StorageHost {
  xmlParts: FXmlPart[];
  xmlSeq: number;
  settings: Map<string, unknown>;
  savedSettings: Map<string, unknown>;
}

function host(ctx: FakeContext): StorageHost {
  return ctx.fake as unknown as StorageHost;
}

/** The default namespace of the root element; parts are found by it (getByNamespace). */
export function rootNamespace(xml: string): string {
  const body = xml.replace(/^\uFEFF?\s*(<\?xml[^>]*\?>\s*)?/, "");
  const root = /^<([A-Za-z_][\w.-]*)(\s[^>]*)?\/?>/.exec(body);
  if (!root) throw new FakeOfficeError("InvalidArgument", "The custom XML part is not well-formed XML.");
  const ns = /\sxmlns\s*=\s*("([^"]*)"|'([^']*)')/.exec(root[2] ?? "");
  return ns ? (ns[2] ?? ns[3] ?? "") : "";
}

export class FakeCustomXmlPart extends FakeProxy<FXmlPart> {
  constructor(context: FakeContext, resolver: () => FXmlPart | null, label: string, nullable = false) {
    super(context, resolver, label);
    this.nullable = nullable;
  }
  protected read(t: FXmlPart, prop: string): unknown {
    if (prop === "id") return t.id;
    if (prop === "namespaceUri") return t.namespaceUri;
    return super.read(t, prop);
  }
  get id(): string {
    return this.get("id");
  }
  get namespaceUri(): string {
    return this.get("namespaceUri");
  }
  getXml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>(`${this.label}.getXml`);
    this.context.enqueue(() => result.settle(this.resolveForChild().xml));
    return result;
  }
  setXml(xml: string): void {
    this.mutate((t) => {
      this.context.groupable("CustomXmlPart.setXml");
      const ns = rootNamespace(xml);
      this.context.write(null, null, false, "part");
      t.xml = xml;
      t.namespaceUri = ns;
    });
  }
  delete(): void {
    this.mutate((t) => {
      this.context.write(null, null, false, "part");
      const h = host(this.context);
      h.xmlParts = h.xmlParts.filter((p) => p !== t);
    });
  }
}

abstract class PartList {
  private loadedItems: FakeCustomXmlPart[] | null = null;
  constructor(protected readonly context: FakeContext) {
    context.requireApi("1.5", "CustomXmlParts");
  }
  protected abstract parts(): FXmlPart[];

  protected partProxy(p: FXmlPart): FakeCustomXmlPart {
    return new FakeCustomXmlPart(
      this.context,
      () => (host(this.context).xmlParts.includes(p) ? p : null),
      `customXmlPart(${p.id})`,
    );
  }
  load(props?: unknown): this {
    const names = splitProps(props).map((p) => p.replace(/^items\//, ""));
    this.context.enqueue(() => {
      this.loadedItems = this.parts().map((p) => this.partProxy(p).preload(p, names));
    });
    return this;
  }
  get items(): FakeCustomXmlPart[] {
    if (!this.loadedItems)
      throw new FakeOfficeError("PropertyNotLoaded", "customXmlParts.items is not loaded");
    return this.loadedItems;
  }
  getCount(): FakeClientResult<number> {
    const r = new FakeClientResult<number>("customXmlParts.getCount");
    this.context.enqueue(() => r.settle(this.parts().length));
    return r;
  }
  private byId(id: string, nullable: boolean): FakeCustomXmlPart {
    return new FakeCustomXmlPart(
      this.context,
      () => this.parts().find((p) => p.id === id) ?? null,
      `customXmlPart(${id})`,
      nullable,
    );
  }
  getItem(id: string): FakeCustomXmlPart {
    return this.byId(id, false);
  }
  getItemOrNullObject(id: string): FakeCustomXmlPart {
    return this.byId(id, true);
  }
}

/** workbook.customXmlParts.getByNamespace(ns): "A scoped collection cannot be scoped any further." */
export class FakeCustomXmlPartScopedCollection extends PartList {
  constructor(
    context: FakeContext,
    private readonly namespaceUri: string,
  ) {
    super(context);
  }
  protected parts(): FXmlPart[] {
    return host(this.context).xmlParts.filter((p) => p.namespaceUri === this.namespaceUri);
  }
  private only(nullable: boolean): FakeCustomXmlPart {
    return new FakeCustomXmlPart(
      this.context,
      () => {
        const parts = this.parts();
        if (parts.length === 1) return parts[0];
        if (nullable) return null;
        throw new FakeOfficeError(
          "InvalidOperation",
          `getOnlyItem: ${parts.length} parts in ${this.namespaceUri}`,
        );
      },
      `customXmlParts(${this.namespaceUri}).only`,
      nullable,
    );
  }
  getOnlyItem(): FakeCustomXmlPart {
    return this.only(false);
  }
  getOnlyItemOrNullObject(): FakeCustomXmlPart {
    return this.only(true);
  }
}

export class FakeCustomXmlPartCollection extends PartList {
  protected parts(): FXmlPart[] {
    return host(this.context).xmlParts;
  }
  getByNamespace(namespaceUri: string): FakeCustomXmlPartScopedCollection {
    return new FakeCustomXmlPartScopedCollection(this.context, namespaceUri);
  }
  add(xml: string): FakeCustomXmlPart {
    const h = host(this.context);
    const id = `{00000000-0000-4000-8000-${String(++h.xmlSeq).padStart(12, "0")}}`;
    this.context.enqueue(() => {
      const namespaceUri = rootNamespace(xml);
      this.context.write(null, null, false, "part");
      h.xmlParts.push({ id, namespaceUri, xml });
    });
    return this.getItem(id);
  }
}

// --- settings -----------------------------------------------------------------------------------

class FakeSetting extends FakeProxy<{ key: string }> {
  constructor(context: FakeContext, resolver: () => { key: string } | null, label: string, nullable = false) {
    super(context, resolver, label);
    this.nullable = nullable;
  }
  protected read(t: { key: string }, prop: string): unknown {
    if (prop === "key") return t.key;
    if (prop === "value") return JSON.parse(JSON.stringify(host(this.context).settings.get(t.key) ?? null));
    return super.read(t, prop);
  }
  get key(): string {
    return this.get("key");
  }
  get value(): unknown {
    return this.get("value");
  }
  set value(v: unknown) {
    this.mutate((t) => store(this.context, t.key, v));
  }
  delete(): void {
    this.mutate((t) => {
      this.context.write(null, null, false, "part");
      const h = host(this.context);
      h.settings.delete(t.key);
      h.savedSettings.delete(t.key);
    });
  }
}

function store(ctx: FakeContext, key: string, value: unknown): void {
  ctx.write(null, null, false, "part");
  const h = host(ctx);
  const copy = JSON.parse(JSON.stringify(value ?? null));
  // Part of the workbook through the Excel API: saved with it, no saveAsync involved.
  h.settings.set(key, copy);
  h.savedSettings.set(key, copy);
}

/** workbook.settings (ExcelApi 1.4): "per file and add-in (task-pane or content) combination". */
export class FakeSettingCollection {
  private loadedItems: FakeSetting[] | null = null;
  constructor(private readonly context: FakeContext) {
    context.requireApi("1.4", "SettingCollection");
  }
  private proxy(key: string, nullable: boolean): FakeSetting {
    return new FakeSetting(
      this.context,
      () => (host(this.context).settings.has(key) ? { key } : null),
      `setting(${key})`,
      nullable,
    );
  }
  add(key: string, value: unknown): FakeSetting {
    this.context.enqueue(() => store(this.context, key, value));
    return this.proxy(key, false);
  }
  getItem(key: string): FakeSetting {
    return this.proxy(key, false);
  }
  getItemOrNullObject(key: string): FakeSetting {
    return this.proxy(key, true);
  }
  load(props?: unknown): this {
    const names = splitProps(props).map((p) => p.replace(/^items\//, ""));
    this.context.enqueue(() => {
      this.loadedItems = [...host(this.context).settings.keys()].map((key) =>
        this.proxy(key, false).preload({ key }, names),
      );
    });
    return this;
  }
  get items(): FakeSetting[] {
    if (!this.loadedItems) throw new FakeOfficeError("PropertyNotLoaded", "settings.items is not loaded");
    return this.loadedItems;
  }
}
