import { tabLinkCard } from '../../cards/bot-cards';
import type { PolicyBot } from '../handler';

/**
 * `library` and `pathways`, as the manifest's command lists offer them: a card that opens the
 * matching page of the personal tab (the asker's own authority's routes, when one is set).
 */
export function registerTabLinkCommands(bot: PolicyBot): PolicyBot {
  const base = () => bot.services.publicBaseUrl.replace(/\/+$/, '');
  return bot
    .registerCommand({
      name: 'library',
      match: (t) => /^(?:open\s+(?:the\s+)?)?library$/i.test(t),
      handle: async ({ turn }) => {
        await turn.sendActivity({
          attachments: [
            tabLinkCard({
              title: 'Policy library',
              text: 'Every document by section, with its date and review status. Citations in my answers link here.',
              buttonTitle: 'Open the library',
              url: `${base()}/tab/library`,
            }),
          ],
        });
      },
      help: { usage: 'library', description: 'Open the policy library: every document by section.' },
    })
    .registerCommand({
      name: 'pathways',
      match: (t) => /^(?:show\s+(?:me\s+)?(?:the\s+)?)?(?:pathways?|routes?|escalation routes?)$/i.test(t),
      handle: async ({ turn }) => {
        const authority = await bot.getAuthority(turn);
        const name = authority ? bot.displayName(authority) : undefined;
        await turn.sendActivity({
          attachments: [
            tabLinkCard({
              title: name ? `Pathways · ${name}` : 'Pathways',
              text: name
                ? `The Barnardo's risk matrix and ${name}'s routes for each pathway, with contacts and local rules, each cited.`
                : "The Barnardo's risk matrix and every authority's routes for each pathway, with contacts and local rules, each cited. Set your authority to go straight to yours.",
              buttonTitle: 'Open pathways',
              url: `${base()}/tab/pathways${authority ? `#pathways-${authority}` : ''}`,
            }),
          ],
        });
      },
      help: { usage: 'pathways', description: "The risk matrix and your authority's referral and escalation routes." },
    });
}
