/** The language service's plain data as LSP types. */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { Diagnostic } from '../service/types';

const severityToLsp: Record<string, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  return {
    range: d.range,
    severity: severityToLsp[d.severity],
    code: d.code,
    codeDescription: d.docUrl ? { href: d.docUrl } : undefined,
    source: d.source,
    message: d.message,
    data: { path: d.path },
  };
}

/** Menus show titles as plain text: `code` spans read better as 'quoted' words there. */
export function menuTitle(title: string): string {
  return title.replace(/`([^`]+)`/g, "'$1'");
}
