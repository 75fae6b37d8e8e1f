// PLACEHOLDER: being written on the ui-views branch; must not land as is.
import { h } from "../dom";
import type { ViewContext } from "../main";

export function renderSources({ root }: ViewContext): void {
  root.appendChild(h("h1", {}, "Sources"));
}
