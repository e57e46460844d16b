import { type z } from 'zod';
import { KnowledgeFileError } from '../data-file';
import type { Cites } from './compile-rules';
import { idLine, shown } from './error-location';
import type { servicesFileSchema } from './schemas';
import type { CompiledAuthority, CompiledService } from './types';

type ServicesData = z.infer<ReturnType<typeof servicesFileSchema>>;

/** One service compiled, its phone number as text. */
function compileService(s: ServicesData['services'][number], cites: Cites): CompiledService {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    ...(s.phone ? { phone: String(s.phone) } : {}),
    ...(s.email ? { email: s.email } : {}),
    ...(s.web ? { web: s.web } : {}),
    ...(s.hours ? { hours: s.hours } : {}),
    needs: s.needs,
    authorities: s.authorities,
    citations: cites(s.cite),
  };
}

/** Every authority a service names has an authority file. */
function checkServiceAuthorities(servicesFile: string, services: CompiledService[], authorities: Record<string, CompiledAuthority>): void {
  for (const s of services) {
    for (const a of s.authorities) {
      if (!authorities[a]) throw new KnowledgeFileError(shown(servicesFile), idLine(servicesFile, s.id), `service ${s.id} names unknown authority "${a}"`);
    }
  }
}

/** The services of services.yaml compiled, then checked against the authorities. */
export function compileServices(servicesFile: string, data: ServicesData, authorities: Record<string, CompiledAuthority>, cites: Cites): CompiledService[] {
  const services = data.services.map((s) => compileService(s, cites));
  checkServiceAuthorities(servicesFile, services, authorities);
  return services;
}
