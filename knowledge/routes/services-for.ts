import type { CompiledService, TriageKnowledge } from '../triage/types';

/** The services for some needs: the authority's own first, then national ones (knowledge/services.yaml). */
export interface ServicesForNeeds {
  needs: { id: string; label: string }[];
  local: CompiledService[];
  national: CompiledService[];
}

export function servicesFor(tk: Pick<TriageKnowledge, 'needs' | 'services'>, authority: string, needIds: readonly string[]): ServicesForNeeds {
  const wanted = new Set(needIds);
  const matches = (s: CompiledService) => s.needs.some((n) => wanted.has(n));
  return {
    needs: tk.needs.filter((n) => wanted.has(n.id)),
    local: tk.services.filter((s) => s.authorities.includes(authority) && matches(s)),
    national: tk.services.filter((s) => s.authorities.length === 0 && matches(s)),
  };
}
