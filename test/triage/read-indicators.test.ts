import { readIndicators } from '../../knowledge/triage';
import { knowledge, readIds, run } from './helpers';

const facts = (text: string) => readIndicators(knowledge(), text).facts;

describe('reading indicators: negation', () => {
  it.each([
    ['There has been no violence at home, just arguments.', 'physical-violence'],
    ["Mum wasn't hurt during the row.", 'minor-injury'],
    ['Mum says he has never hit her.', 'physical-violence'],
    ['She denies any violence in the relationship.', 'physical-violence'],
    ['No weapons were involved.', 'weapon'],
    ['The children were not hurt.', 'child-hurt'],
    ['There is no immediate danger.', 'immediate-danger'],
    ['She is not pregnant.', 'pregnancy'],
  ])('%s -> no %s', (text, id) => {
    expect(readIds(text)).not.toContain(id);
  });

  it('keeps what follows a contrast ("but")', () => {
    expect(readIds('He did not hit her, but he pushed her into the door.')).toContain('physical-violence');
  });

  it('a negation far back in the sentence does not cancel a later indicator', () => {
    expect(readIds('A woman without children tells her nurse that her partner strangled her.')).toContain('strangulation');
  });

  it('the person causing harm denying it does not make it untrue', () => {
    expect(readIds('Dad denies punching mum but she has a black eye.')).toContain('serious-physical-violence');
  });
});

describe('reading facts: ages', () => {
  it.each([
    ['Their 8 month old is at home.', [0.67]],
    ['She has two children aged 3 and 5.', [3, 5]],
    ['The 18-month-old was in his cot.', [1.5]],
    ['The children are 3 and 7.', [3, 7]],
    ['A 4-year-old saw it.', [4]],
    ['Her son is 12.', [12]],
    ['The kids, 2, 6 and 9, were upstairs.', [2, 6, 9]],
    ['There is a teenager in the house.', [13]],
    ['Mum, 24, lives with her toddler.', [2]],
  ])('%s', (text, ages) => {
    expect(facts(text).childAges).toEqual(ages);
  });

  it('reads an unborn baby', () => {
    expect(facts('Mum is 28 weeks pregnant with her first child.').unborn).toBe(true);
    expect(facts('They are expecting a baby in March.').unborn).toBe(true);
    expect(facts('They are expecting a baby in March.').childAges).toEqual([]);
  });

  it('ignores adult ages and durations', () => {
    expect(facts('A 34-year-old woman; the abuse has gone on for 6 months.').childAges).toEqual([]);
  });

  it('reads that there is no child', () => {
    expect(facts('She has no children and lives alone.').noChildren).toBe(true);
    expect(facts('She has no children of her own but her 15-year-old sister lives with her.').noChildren).toBeUndefined();
  });
});

describe('reading facts: counts and scores', () => {
  it.each([
    ['This is the third police notification this year.', 3],
    ['There have been 3 call-outs since January.', 3],
    ['Fourth police call-out to the flat.', 4],
    ['Police have been called out five times.', 5],
  ])('%s', (text, n) => {
    expect(facts(text).policeNotifications).toBe(n);
  });

  it.each([
    ['The DASH score is 17.', 17],
    ['She scored 12 on the DASH.', 12],
    ['DASH completed: 15 ticks.', 15],
  ])('%s', (text, n) => {
    expect(facts(text).dashScore).toBe(n);
  });
});

describe('reading immediacy', () => {
  it.each([
    'He is outside the house shouting and kicking the door.',
    'Mum rang: right now he is trying to break in.',
    'She is hiding in the bedroom as we speak.',
    'He is currently threatening her with a bottle.',
    'The children have locked themselves in the bathroom.',
  ])('%s', (text) => {
    expect(facts(text).immediateDanger).toBe(true);
  });

  it('"currently" alone is not danger now', () => {
    expect(facts('Mum is currently staying with her sister.').immediateDanger).toBe(false);
    expect(facts('She is currently 20 weeks pregnant.').immediateDanger).toBe(false);
  });
});

describe('reading positions of trust', () => {
  it.each([
    ['Her partner works as a teacher at a secondary school and hit her.', 'teacher'],
    ['A youth worker at the centre was arrested for assaulting his partner.', 'youth worker'],
    ["Dad is a nurse on the children's ward; he slapped mum.", 'nurse'],
    ['Her husband is a police officer and threatens her.', 'police officer'],
    ['The boyfriend volunteers as a football coach and has been controlling.', 'football coach'],
    ['Stepdad works at a nursery and pushed mum.', 'works with children'],
    ['The father is a registered childminder who strangled mum.', 'childminder'],
  ])('%s', (text, role) => {
    expect(facts(text).positionOfTrust?.toLowerCase()).toBe(role);
  });

  it('the person who reports is not the person causing harm', () => {
    expect(facts('A teacher reports that dad hit mum.').positionOfTrust).toBeUndefined();
    expect(facts('The school nurse noticed bruises after dad hit mum.').positionOfTrust).toBeUndefined();
  });
});

describe("reading the matrix's own indicators", () => {
  it.each([
    ['He choked her until she nearly passed out.', 'strangulation'],
    ['He put his hands round her throat.', 'strangulation'],
    ['He threatened her with a kitchen knife.', 'weapon'],
    ['He said he would kill her if she left.', 'threats-to-kill'],
    ['She is six months pregnant.', 'pregnancy'],
    ['He raped her after the party.', 'sexual-assault'],
    ["He keeps following her to work and turning up at her mum's.", 'stalking'],
    ['He sends her hundreds of messages every day.', 'intense-stalking'],
    ['He breached his bail conditions by coming to the house.', 'breach-of-orders'],
    ['Her family are arranging for her to be married abroad.', 'forced-marriage'],
    ['Grandmother wants the girls to be cut during the summer trip.', 'fgm'],
    ['Her brothers say she has brought shame on the family.', 'honour-based-abuse'],
    ['The 10-year-old tried to pull dad off mum.', 'child-intervened'],
    ['The baby was hurt when he threw the chair.', 'child-hurt'],
    ['The violence is getting worse.', 'escalation'],
    ['They separated last month.', 'separation'],
    ['Dad drinks heavily most nights.', 'substance-misuse'],
    ['Mum has been diagnosed with depression.', 'mental-health'],
    ['He is coercive and controlling.', 'coercive-control'],
    ["He won't let her see her family.", 'isolation'],
    ['He takes all her wages and gives her an allowance.', 'economic-abuse'],
    ['She has no recourse to public funds.', 'nrpf-immigration'],
    ['Mum needs an interpreter; she speaks little English.', 'language-barrier'],
    ['The youngest child has autism.', 'child-special-needs'],
    ['There have been repeated police call-outs.', 'repeat-police'],
    ['The case was previously heard at MARAC.', 'previous-marac'],
    ['She was assessed as high risk.', 'dash-high-risk'],
    ['Mum says he is very jealous and possessive.', 'jealousy-possessiveness'],
    ['He kicked the dog in front of the kids.', 'pet-abuse'],
    ['He has previous convictions for assault.', 'criminal-history'],
    ['He threatened to take the children abroad and never bring them back.', 'abduction-threat'],
    ['She is terrified of him.', 'victim-very-frightened'],
    ['She needed stitches at A&E.', 'significant-injury'],
    ['Dad has threatened to kill himself.', 'suicidal-thoughts'],
    ['The children saw it and were screaming.', 'child-witnessed-distressed'],
    ['He hit her while she was holding the baby.', 'child-in-close-proximity'],
    ['Her new partner has a history of violence towards previous partners and she wants to know more.', 'dvds-concern'],
  ])('%s -> %s', (text, id) => {
    expect(readIds(text)).toContain(id);
  });

  it('every indicator has a label and a group, and reports the words that matched', () => {
    const r = readIndicators(knowledge(), 'He threatened her with a knife.');
    const weapon = r.indicators.find((i) => i.id === 'weapon')!;
    expect(weapon.label).toMatch(/weapon/i);
    expect(weapon.group).toBe('incident-violence');
    expect(weapon.evidence.toLowerCase()).toBe('knife');
  });
});

describe('reading the way notes are typed', () => {
  it('a contraction typed without its apostrophe reads as the contraction', () => {
    expect(facts('Text from mum to the school office: hes in the flat and hes got a hammer.').immediateDanger).toBe(true);
    expect(readIds('Dad says he didnt hit anyone.')).not.toContain('physical-violence');
  });

  it('chat spellings typed fast read as the words, and a capital initial stays a name', () => {
    expect(facts('ex is bangin on the front door n shoutin, m is upstairs w the baby').immediateDanger).toBe(true);
    expect(readIds('hes got a nife from the drawer')).toContain('weapon');
    expect(readIds('N (9) told his teacher daddy hurt mummy again.')).toContain('violence-in-presence-of-child');
  });

  it('a call that cuts off mid-incident, or is made in a whisper, is danger now', () => {
    expect(facts('Mum phoned the duty line in a whisper asking for help.').immediateDanger).toBe(true);
    expect(facts('Auntie rang, crying, then the phone went dead and she is not picking up.').immediateDanger).toBe(true);
  });

  it('a weapon named by where it is kept is a weapon', () => {
    expect(readIds('He came back with something out of the cutlery drawer and waved it at her.')).toContain('weapon');
  });

  it('"no children present" is about the incident, not the household', () => {
    expect(readIds('No kids present at the time, her lad (10) was at football practice.')).not.toContain('no-children');
    expect(facts('Police attended, no children present; dd 6 was at her dad’s.').childAges).toEqual([6]);
  });

  it('"nobody mentioned any hitting" is not a report of hitting', () => {
    expect(readIds('Nobody mentioned any hitting or pushing at the visit.')).not.toContain('physical-violence');
  });

  it('control seen on a visit reads as coercive control: he speaks for her, she checks with him first', () => {
    expect(readIds('Her partner spoke for her on every question I asked.')).toContain('coercive-control');
    expect(readIds('She looked at him before each reply and he kept her phone on his knee.')).toContain('coercive-control');
  });
});

describe('reading what was not said in so many words (kinds from the twenty-ninth to thirty-fourth calibration batches, in other words)', () => {
  const pathway = (authority: string, text: string) => run(authority, text).pathway;

  it('the person who hurt her still in the home after a fresh injury is danger now; still living there is not', () => {
    expect(
      pathway(
        'lambeth',
        'Called in after the visit: her nose was bleeding from where he headbutted her at breakfast. He is still in the house with her and the twins (4).',
      ),
    ).toBe('emergency');
    expect(readIds('Dad is still in the house but sleeps downstairs since they split.')).not.toContain('abuser-still-present');
  });

  it('a threat for when he gets back, or a wound still bleeding, is danger now', () => {
    expect(facts('He went out for fags and said he would finish her off once he gets back.').immediateDanger).toBe(true);
    expect(facts('Her lip is still bleeding and she will not let me call anyone.').immediateDanger).toBe(true);
  });

  it('a young person due to be flown abroad to marry within a day is danger now', () => {
    expect(
      pathway(
        'wandsworth',
        "Year 10 girl told her tutor she's meant to marry a man in Sylhet, her dad has her passport and the family fly out tomorrow morning.",
      ),
    ).toBe('emergency');
  });

  it('a child made to watch the abuse is emotionally abused (scale 4), and a child who got in the way was caught up in it', () => {
    expect(pathway('camden', 'The 7 year old says her stepdad made her sit on the stairs and watch when he slapped mum.')).toBe('child-protection');
    expect(readIds('She says she got in the way when he was kicking mum on Friday.')).toContain('child-intervened');
  });

  it('repeated contacts closed one by one add up: at least child in need', () => {
    expect(
      pathway('sutton', 'Third referral this year from the nursery about shouting at home, each closed with advice. Boy is 4 and very withdrawn.'),
    ).not.toBe('early-help');
  });

  it('a police notification counted with an ordinal reads as that many call-outs', () => {
    expect(facts('PPN (4th since January), verbal only, children asleep.').policeNotifications).toBe(4);
  });
});

describe("reading young children's words, health notes and life after separation (kinds from the thirty-fifth to thirty-ninth calibration batches, in other words)", () => {
  const pathway = (authority: string, text: string) => run(authority, text).pathway;

  it("a child's account of a parent gone limp after her neck was squeezed, and still not up, is danger now", () => {
    expect(pathway('sutton', "R (6) at breakfast club: 'daddy pressed on mummy's neck and she went all floppy. She is still on the sofa asleep.'")).toBe(
      'emergency',
    );
  });

  it('a threat to kill said straight out, or for when she gets home, is a threat to kill', () => {
    expect(readIds("He texted her 'you're dead when you get home' and she is too scared to collect the kids.")).toContain('threats-to-kill');
    expect(readIds('Dad told the boys he is going to kill their mum.')).toContain('threats-to-kill');
  });

  it('a smell of petrol while he shouts inside is danger now', () => {
    expect(facts('Outside the flat I can smell petrol and he is shouting that he will torch the place.').immediateDanger).toBe(true);
  });

  it('gestation written as health staff write it reads as pregnancy, after any word', () => {
    expect(facts('Woman 28/40 attended A&E with bruising to the abdomen.').unborn).toBe(true);
  });

  it("a young child's regression and fear at home, with things thrown at the wall, is not early help", () => {
    expect(
      pathway(
        'camden',
        'Nursery: K (3) has started wetting again and hides under the table when voices are raised; says daddy throws the cups at the wall and mummy cries.',
      ),
    ).not.toBe('early-help');
  });

  it('a child sent to look through a parent’s phone for the other parent is a contact risk', () => {
    expect(readIds('At weekends his mum makes him go through his dad’s phone and report back who he texts.')).not.toContain('child-contact-issues');
    expect(readIds('Every contact weekend dad makes me look through mums phone and tell him who she talks to.')).toContain('child-contact-issues');
  });
});

describe('reading short messages, what adults say and police or probation shorthand (kinds from the fortieth to forty-second calibration batches, in other words)', () => {
  it('"rn" in a chat message is now: hurting her right now is danger now', () => {
    expect(facts('hes kicking her rn, i can hear it from my room').immediateDanger).toBe(true);
    expect(facts('cant talk rn, will ring after the visit').immediateDanger).toBe(false);
  });

  it('locked in now is danger now; locked in before, or every time he goes out, is control', () => {
    expect(facts('He has locked her and the twins in the bedroom and gone to the bookies.').immediateDanger).toBe(true);
    expect(facts('He locked her in the flat for the whole weekend in March.').immediateDanger).toBe(false);
  });

  it('what the person causing harm says: "do us both", "bury him", "she knows what happens"', () => {
    expect(readIds("He told the HV: if she takes the kids I'll do us both.")).toContain('threats-to-kill');
    expect(readIds("Said he'll bury him if he goes near the boys.")).toContain('threats-to-kill');
    expect(readIds('She knows what happens if she talks to social workers.')).toContain('threats-of-harm');
  });

  it("a victim's own euphemism and a child's cry heard through the wall", () => {
    expect(readIds('lol walked into his fist again, face a mess')).toContain('physical-violence');
    expect(readIds("Neighbour heard the girl screaming 'get off my mum' then a bang.")).toContain('child-intervened');
  });

  it('prison and homicidal thoughts said plainly', () => {
    expect(readIds('He has been inside for GBH on his last partner.')).toContain('criminal-history');
    expect(readIds('Dad told the GP he has thought about taking the kids with him.')).toContain('suicidal-thoughts');
  });
});

describe('reading everyday sentences that only look like danger (found in review)', () => {
  it.each([
    'Dad is on his way to collect the children from nursery.',
    'My dad is waiting at home for me with pizza.',
    'Dad is driving us to Heathrow tonight for our holiday in Spain.',
    "He'll deal with it when he gets back from work.",
    'Nan is still on the sofa asleep when the HV visits most days.',
  ])('%s -> not danger now', (text) => {
    expect(facts(text).immediateDanger).toBe(false);
  });

  it('a likelihood of emotional abuse, or a protective parent shutting the children in, is not confirmed emotional abuse', () => {
    expect(readIds('There is a strong likelihood of emotional abuse of the children.')).not.toContain('child-emotional-abuse');
    expect(readIds('Mum shut the kids in the bedroom to keep them safe.')).not.toContain('child-emotional-abuse');
  });

  it('a repeat referral about something else is not a domestic abuse pattern', () => {
    expect(run('camden', '4th contact this year about free school meals for the 9 year old.').pathway).toBe('early-help');
  });
});

describe('reading school, police and teenage reports (kinds from the forty-third to forty-seventh calibration batches, in other words)', () => {
  it('a teenager giving their own age and partner in separate sentences is in their own relationship', () => {
    expect(readIds("i'm 17. my gf reads all my messages")).toContain('young-person-own-relationship');
    expect(readIds('My ex keeps turning up at college. I’m 14.')).toContain('young-teen-own-relationship');
    expect(readIds("I'm 16 weeks pregnant and my partner is jealous.")).not.toContain('young-person-own-relationship');
  });

  it('a child under 16 going out with an adult is read, a parent going out with one is not', () => {
    expect(readIds('Y9 pupil, 14 yo. Has been seeing a 25 year old from the takeaway.')).toContain('young-teen-own-relationship');
    expect(readIds('Girl is 13 years old. Mum has been seeing a 40 year old.')).not.toContain('young-teen-own-relationship');
  });

  it('private pictures shared or held over a young person, with their age, is at least child protection', () => {
    expect(readIds('He sent naked photos of her round his football group.')).toContain('sexual-exploitation');
    expect(run('lambeth', "im 16. my boyfriend has photos of me and says he'll post them to my whole school unless i do what he says").pathway).toBe(
      'child-protection',
    );
  });

  it('self-harm written with a space, or as cutting, is read', () => {
    expect(readIds('The 13 year old has been self harming since Easter.')).toContain('child-mental-health');
    expect(readIds('She told me she has started cutting again.')).toContain('suicidal-thoughts');
    expect(readIds('Dad was cutting the hedge again when we visited.')).not.toContain('suicidal-thoughts');
  });

  it('the person causing harm gone and looked for, after a threat to kill or to come back for the children, is 999 first', () => {
    expect(run('camden', "Dad said he'd kill mum and drove off, police still looking for him. Kids 3 and 6 at home.").pathway).toBe('emergency');
    expect(run('lambeth', "He smashed the door in and said he'll be back for the kids, police don't know where he is. Mum and kids (4, 8) home.").pathway).toBe(
      'emergency',
    );
  });

  it('a police notification of last night, suspect gone before officers came, or a history with whereabouts unknown, is not 999 now', () => {
    expect(
      run('camden', 'Notification from police: last night he held a knife up at her, left before officers arrived, not yet located. Kids 5 and 9.').pathway,
    ).not.toBe('emergency');
    expect(readIds("Father held a knife to mum in 2015. Father's whereabouts unknown. Mum and children settled.")).not.toContain('abuser-at-large');
  });

  it('held in or hiding now is danger now; a weapon "out" now; a threat to end it for all of them', () => {
    expect(facts('She messaged 5 mins ago, he wont let her leave the flat.').immediateDanger).toBe(true);
    expect(facts("Mum's partner has got the carving knife out again.").immediateDanger).toBe(true);
    expect(facts('He won’t let her go out with her friends.').immediateDanger).toBe(false);
    expect(readIds('His last text said he would end it for all of us.')).toContain('threats-to-kill');
  });

  it('everyday sentences near these kinds stay calm (found in review)', () => {
    expect(facts('Mum rang 10 mins ago, dad won’t let her go to her friend’s party.').immediateDanger).toBe(false);
    expect(facts('My daughter locked herself in her room after we argued and she’s still in there.').immediateDanger).toBe(false);
    expect(facts('There is shouting from the flat next door most nights.').immediateDanger).toBe(false);
    expect(readIds('We agreed to end it for both of us and separate amicably.')).not.toContain('threats-to-kill');
    expect(readIds('I cut my arm on the door frame when he pushed me.')).not.toContain('suicidal-thoughts');
    expect(readIds('There’s a wedding for her cousin back home in August, she’s excited to go.')).not.toContain('forced-marriage');
    expect(readIds('She left him and is still at the flat she rents. He strangled her in 2020.')).not.toContain('abuser-still-present');
    expect(readIds('Mum took photos of the bruises and sent them to the school.')).not.toContain('sexual-exploitation');
  });

  it('a wedding "back home" for a young person, or to someone never met, is forced marriage', () => {
    expect(readIds('Uncle is arranging a husband for her back home next summer.')).toContain('forced-marriage');
    expect(readIds("His parents want a marriage to a girl he's never met.")).toContain('forced-marriage');
    expect(readIds('Mum and dad had their wedding back home in Sylhet.')).not.toContain('forced-marriage');
  });
});

describe('reading young children and health settings (kinds from the forty-eighth to fiftieth calibration batches, in other words)', () => {
  it('he is at home with her now after strangling her, or gone and "coming back", is 999 first', () => {
    expect(run('sutton', 'Y3 boy says dad squeezed mummy’s neck last night. Dad is off work, at home with mum now.').pathway).toBe('emergency');
    expect(run('camden', 'Mum has a head wound from the iron he hit her with. She says he has popped out and he is coming back.').pathway).toBe('emergency');
    expect(readIds("He's coming back next Tuesday for his things.")).not.toContain('abuser-still-present');
  });

  it('a child taken in the car after an assault, with "never see them again", is 999 first', () => {
    expect(run('lambeth', 'He slapped her then drove off with the kids (3 and 5), saying she will never see them again.').pathway).toBe('emergency');
  });

  it('made to watch, however many words between; trying the doors now; not moving now', () => {
    expect(readIds('Dad makes me and my brother stand in the hall and watch when he hits her.')).toContain('child-emotional-abuse');
    expect(facts('Her ex is trying the back door right now.').immediateDanger).toBe(true);
    expect(facts('The baby said mummy is not moving on the floor.').immediateDanger).toBe(true);
    expect(facts('Mum is not moving house until the summer.').immediateDanger).toBe(false);
  });

  it('teeth knocked out are a significant injury; a father hanging about the school fence asking where they live is stalking', () => {
    expect(readIds('Two of her teeth were knocked out.')).toContain('significant-injury');
    expect(readIds('Since they moved, dad has been hanging around outside the school gates asking the kids where they live now.')).toContain('stalking');
  });
});

describe('everyday sentences near the forty-eighth to fiftieth batches’ kinds (found in review)', () => {
  it.each([
    ['Tooth broken at football, dad took him to the dentist.', 'significant-injury'],
    ['Child fell in the playground, head was bleeding a little, first aid given by school.', 'significant-injury'],
    ["Since dad moved to Australia he says I'm never gonna see daddy again.", 'abduction-threat'],
    ['Mum makes them turn the telly off and watch while she shouts at the dog.', 'child-emotional-abuse'],
    ['Nan is waiting at the school gate every afternoon.', 'stalking'],
    ['The housing officer is asking her where they are staying now.', 'stalking'],
    ['Dad has gone off with the children on holiday, as agreed by mum.', 'abuser-at-large'],
    ['Partner is in the house with mum now, both calm and cooperative.', 'abuser-still-present'],
  ])('%s -> no %s', (text, id) => {
    expect(readIds(text)).not.toContain(id);
  });

  it('a door code or key is not someone trying the doors', () => {
    expect(facts('Dad is trying the new door code at the contact centre.').immediateDanger).toBe(false);
  });

  it('teeth knocked out by him, however the sentence runs, are a significant injury', () => {
    expect(readIds('He knocked out two of her front teeth.')).toContain('significant-injury');
  });
});

describe('older danger-now patterns narrowed (found in the second review)', () => {
  it.each([
    "Mum popped out to the shops, she's coming back in ten minutes.",
    'Mum drove off with the kids to her sister’s for the weekend, school aware.',
    'Mum is not waking up the kids for school on time.',
    'Dad is not breathing well, he has COPD.',
    'He is still not moving his stuff out.',
    'Mum says she is not responding well to the new medication.',
  ])('%s -> not danger now', (text) => {
    expect(facts(text).immediateDanger).toBe(false);
  });

  it.each(["Mum says he's coming back in 10 mins.", 'The baby is not waking up.', "Mum says he isn't breathing."])('%s -> danger now', (text) => {
    expect(facts(text).immediateDanger).toBe(true);
  });
});

describe('reading children’s calls, control described by what he does, and babies hurt (kinds from the fifty-first to fifty-fifth calibration batches, in other words)', () => {
  it.each([
    ["A girl ran into the library shouting 'dad is punching mummy in the garden'.", 'immediate-danger'],
    ["Text from the boy: 'dad is hitting mummy, please come quick'.", 'immediate-danger'],
    ["On the video call we heard her mother yelling 'let me go' and then the screen went black.", 'immediate-danger'],
    ['Her message says he has shut us in the box room and taken the keys.', 'immediate-danger'],
    ['She is 30 weeks pregnant, he kicked her and she says the baby has stopped moving.', 'immediate-danger'],
    ['Her ex snatched the pram from outside the shop and ran off down the road.', 'immediate-danger'],
    ['He has texted that he is on his way over to finish her off.', 'immediate-danger'],
    ['Her ex is in the car park now, rattling the car door with the kids inside.', 'immediate-danger'],
    ['He shoved her down the stairs and now she is not answering me.', 'immediate-danger'],
    ["He told her 'I'll end you tonight' and went out to the car.", 'immediate-danger'],
    ['His brothers are sat outside the friend’s flat where she is staying.', 'immediate-danger'],
    ['Two hours ago she messaged that he will not let her leave the flat.', 'immediate-danger'],
    ['He said he is coming back to finish her.', 'threats-to-kill'],
    ["His last text: 'none of us will be alive by morning'.", 'threats-to-kill'],
    ['The family texted her and said she is dead for bringing shame on them.', 'threats-to-kill'],
    ["The 6yo said 'my stepdad belted me because I spilt my drink'.", 'child-hurt'],
    ['The 9mo has two burns on the back of his hand.', 'child-hurt'],
    ['K (2) arrived at nursery with fingertip bruising on her arm.', 'child-hurt'],
    ['The reception teacher says the girl has been touching the other pupils inappropriately.', 'child-sexualised-behaviour'],
    ['The toddler was in the highchair in the same room when it all kicked off.', 'violence-in-presence-of-child'],
    ['The boy said daddy held mummy under in the bath.', 'strangulation'],
    ['Her son says dad chinned her in the kitchen.', 'physical-violence'],
    ['He sorts her out if she talks back, the 12yo says.', 'physical-violence'],
    ['She is allowed no money of her own and he wants every receipt.', 'economic-abuse'],
    ['He gives her 30 quid a week and the fridge is kept locked.', 'economic-abuse'],
    ['She cannot go to work because he says so.', 'economic-abuse'],
    ['The kids go without school dinners because he refuses to pay.', 'economic-abuse'],
    ["He doesn't like her talking to other men at the gym.", 'jealousy-possessiveness'],
    ['He always knows where she is all the time; he installed an app on her phone.', 'isolation'],
    ['She is not allowed to ring her sister.', 'isolation'],
    ['Dad questions the children about where mum goes and told them to send photos of the kitchen.', 'isolation'],
    ['He keeps checking the mileage on her car.', 'isolation'],
    ['Mum says she just does whatever he says now.', 'intense-control'],
    ['Mum was not allowed to speak at the appointment.', 'intense-control'],
    ['Her gran says she will be made pure at the ceremony in the summer.', 'fgm'],
    ['She told her friend about a special ceremony when they go back home.', 'fgm'],
    ["Dad's family are taking the 7yo back home this summer for her special ceremony.", 'fgm'],
    ['A man in his twenties picks her up in different cars after school.', 'sexual-exploitation'],
    ['She went missing over the weekend and came back with expensive clothes.', 'sexual-exploitation'],
    ['She has a second phone that she refuses to explain.', 'sexual-exploitation'],
    ["A 17 year old girl; her 'gf' is 24.", 'young-person-own-relationship'],
    ['The 8yo hides under her bed when they start arguing.', 'child-emotional-impact'],
    ['At every contact he asks the boy about who mum is seeing.', 'child-contact-issues'],
    ['Neighbours hear arguments most nights.', 'persistent-verbal-abuse'],
    ['Dad came in the night and let himself in; there is an order stopping him coming to the house.', 'breach-of-orders'],
    ['After the row he took the toddler in his car.', 'child-with-abuser-now'],
  ])('%s -> %s', (text, id) => {
    expect(readIds(text)).toContain(id);
  });

  it.each([
    ["She said 'dad is hitting mum when he has had a drink'.", 'immediate-danger'],
    ['The children said mum was screaming help me last Christmas.', 'immediate-danger'],
    ['He has locked her out of the house in the past.', 'immediate-danger'],
    ['Mum says the baby is not moving around so much since she started solids.', 'immediate-danger'],
    ['Dad is on his way to pick up the kids from football.', 'immediate-danger'],
    ['He was pulling at the door handle last month when she would not open up.', 'immediate-danger'],
    ['Mum fell out with her neighbour and is not talking to her.', 'immediate-danger'],
    ['Dad is waiting outside the contact centre for contact.', 'immediate-danger'],
    ["Police log: he said he'd 'end her tonight' and was charged the same day.", 'immediate-danger'],
    ['He was sat outside her flat most evenings last spring.', 'immediate-danger'],
    ['Mum made me clean my room before tea.', 'fgm'],
    ['He put a cartoon on the tablet for the kids.', 'isolation'],
    ['She just does what the GP says.', 'intense-control'],
    ['Nan sorts mum out with lifts to the hospital.', 'physical-violence'],
    ['She held him under the arms so he could stand.', 'strangulation'],
    ['The 5yo hides behind the sofa when dad gets home from work.', 'child-emotional-impact'],
    ['Mum came in with a cut on her lip.', 'child-hurt'],
  ])('%s -> no %s', (text, id) => {
    expect(readIds(text)).not.toContain(id);
  });
});

describe('everyday sentences near the fifty-first to fifty-seventh batches’ kinds (found in review)', () => {
  it.each([
    ["He said 'dad is not hurting mum any more'.", 'immediate-danger'],
    ["In play she made the dolls say 'daddy is hurting mummy'.", 'immediate-danger'],
    ["Mum texted me 'can you pls help' about filling in the PIP form.", 'immediate-danger'],
    ["Gran rang about the school play and said 'please come'.", 'immediate-danger'],
    ["The children are screaming 'stop it' at each other most days.", 'immediate-danger'],
    ["The 2yo ends up screaming 'get off' when mum brushes her hair.", 'immediate-danger'],
    ['Since she fell out with nan, mum isn’t talking to her.', 'immediate-danger'],
    ['She banged her head at nursery but was fine; mum not answering calls today.', 'immediate-danger'],
    ['Her sister will end her shift at ten tonight and collect the kids.', 'immediate-danger'],
    ['Grandad is waiting outside to take them home.', 'immediate-danger'],
    ['The taxi is waiting outside.', 'immediate-danger'],
    ['Baby has not moved into her own cot yet.', 'immediate-danger'],
    ['Baby not moving her left arm properly, physio referral made.', 'immediate-danger'],
    ['At 14 weeks she can’t feel the baby move yet.', 'immediate-danger'],
    ['At handover dad took the buggy and walked off with the baby as agreed.', 'immediate-danger'],
    ['The landlord is on his way to finish off the repairs.', 'immediate-danger'],
    ['The 2yo is pulling at the oven door, safety locks advised.', 'immediate-danger'],
    ['The wind is rattling the windows at night.', 'immediate-danger'],
    ['An hour ago the ward said they won’t let her go home until her temperature is down.', 'immediate-danger'],
    ['The plumber is coming back later to finish it.', 'threats-to-kill'],
    ['Neither of us will be here on Friday so the visit is moved.', 'threats-to-kill'],
    ['He texted that im dead when dad finds out I broke the xbox.', 'threats-to-kill'],
    ['Mum held him under the cold tap for 20 minutes after the scald.', 'strangulation'],
    ['Dad held her under the armpits so she could paddle.', 'strangulation'],
    ['Nan decked them out in Christmas jumpers for the photo.', 'physical-violence'],
    ['The housing officer has sorted her out, she moves next week.', 'physical-violence'],
    ['She has rowing practice most evenings at the club.', 'persistent-verbal-abuse'],
    ['Mum reports arguments with the 14yo most evenings about screen time.', 'persistent-verbal-abuse'],
    ['The boys are arguing every day over the xbox.', 'persistent-verbal-abuse'],
    ['Mum made us clean our rooms before nan came.', 'fgm'],
    ['The foster carers made her clean all the bathrooms as a punishment.', 'fgm'],
    ['There will be a special ceremony at school for the Year 6 leavers.', 'fgm'],
    ['Grandad is having a special procedure for his kidneys next week.', 'fgm'],
    ['Nan says they will go back home to Leeds for a special ceremony at church.', 'fgm'],
    ['Dad took the kids to school in the car as usual this morning.', 'child-with-abuser-now'],
    ['Her partner took the baby to the clinic in his car for the jabs.', 'child-with-abuser-now'],
    ['The 4yo was in the same room when she started having a seizure.', 'violence-in-presence-of-child'],
    ['Mum belts her securely into the car seat every time.', 'child-hurt'],
    ['The children had a burns first aid talk from the fire service.', 'child-hurt'],
    ['M (29) came in with bruising to her face.', 'child-hurt'],
    ["Dad's girlfriend came in with a black eye.", 'child-hurt'],
    ['PSHE this week covered inappropriate touching of other children and consent.', 'child-sexualised-behaviour'],
    ['The 6yo goes to breakfast club when mum starts work early.', 'child-emotional-impact'],
    ['The 9yo gets the bus when she starts secondary in September.', 'child-emotional-impact'],
    ['At contact the 6yo talked to dad about what she did at school.', 'child-contact-issues'],
    ['At contact, dad asked about what she wants for Christmas.', 'child-contact-issues'],
    ["Jade is 16yo and lives with mum (34) and mum's boyfriend (29).", 'young-person-own-relationship'],
    ['School transport collects him in different cars depending on the driver.', 'sexual-exploitation'],
    ["He was missing school for 2 weeks with flu and came back with a doctor's note.", 'sexual-exploitation'],
    ['She has a new phone and doesn’t say much at dinner any more.', 'sexual-exploitation'],
    ['Mum knows where she is all the time, they share locations.', 'isolation'],
    ['Mum installed a feeding app on her phone to log the feeds.', 'isolation'],
    ['Police questioned the boy about what she said to him at the park.', 'isolation'],
    ['Nan asks her to send photos of the baby every week.', 'isolation'],
    ['The garage checked the mileage at the MOT.', 'isolation'],
    ['Mum trusts the consultant, she does what he says about the feeds.', 'intense-control'],
    ['Mum isn’t allowed to take him out of school in term time.', 'intense-control'],
    ['Nan comes round most days to help. There is an order stopping dad coming to the house and he has kept to it.', 'breach-of-orders'],
    ["Dad doesn't like her talking to men online, she is only 13.", 'jealousy-possessiveness'],
    ['Pupils are not allowed cash on the school trip.', 'economic-abuse'],
    ['Dad gives mum £200 a month child maintenance.', 'economic-abuse'],
    ['The 12yo gets 5 quid a week pocket money.', 'economic-abuse'],
    ['The council wants receipts for the cooker grant.', 'economic-abuse'],
    ["He was taken off the trip because he wouldn't pay attention.", 'economic-abuse'],
    ['Mum can’t work because dad is disabled and she is his carer.', 'economic-abuse'],
    ['The medicine cupboard is kept locked.', 'economic-abuse'],
  ])('%s -> no %s', (text, id) => {
    expect(readIds(text)).not.toContain(id);
  });
});

describe('reading rooms, refusals, play and pills (kinds from the fifty-eighth to sixtieth calibration batches, in other words)', () => {
  it.each([
    ['Paramedics say her jaw may be broken; her partner is still in the lounge.', 'abuser-still-present'],
    ["The neighbour says the boy told her 'daddy pushed mummy down the stairs'.", 'life-threatening-violence'],
    ["In class the 7yo said 'dad shoved me against the radiator when I tried to help mum'.", 'child-hurt'],
    ['The 13yo told her tutor: if I refuse to marry him my family will disown me.', 'forced-marriage'],
    ['She messaged that if she says no to the marriage her brothers will kill her.', 'threats-to-kill'],
    ['Her uncle has bought the tickets for this evening.', 'removal-abroad-imminent'],
    ["Caller says dad's got mummy by the hair right now in the hallway.", 'immediate-danger'],
    ["The girl rang to say her mum's ex-boyfriend is inside our flat and won't leave.", 'immediate-danger'],
    ['Her daughter says mum took a whole packet of paracetamol an hour ago.', 'immediate-danger'],
    ["The carer says she has been ringing and mum 'won't wake up'.", 'immediate-danger'],
    ['The postman is still at the front door now, he can hear a child crying inside.', 'immediate-danger'],
    ['Through the letterbox the officer could hear a woman begging him to stop.', 'immediate-danger'],
    ["On the phone he said he'll stab her if she leaves.", 'weapon'],
    ['He has taken the baby and driven off towards the motorway.', 'abduction-threat'],
    ["He shouted 'you'll never find us' and left with the boys.", 'abduction-threat'],
    ['Since the summer she has toileting accidents again, which is new.', 'child-emotional-impact'],
    ['The 3yo flinches when a door bangs.', 'child-emotional-impact'],
    ['He drew daddy with a knife and mummy crying.', 'child-emotional-impact'],
    ['In the sand tray the man figure kept hitting the lady figure.', 'violence-in-presence-of-child'],
  ])('%s -> %s', (text, id) => {
    expect(readIds(text)).toContain(id);
  });

  it.each([
    ['He is still in the bedroom he has slept in since they separated.', 'abuser-still-present'],
    ['She fell down the stairs carrying the washing last week.', 'life-threatening-violence'],
    ['She said her kids dad pushed me into the wall last year.', 'child-hurt'],
    ["If I don't marry him before the visa runs out we'll have to move.", 'forced-marriage'],
    ['If mum finds out I went to the party she’ll kill me.', 'immediate-danger'],
    ['They booked the tickets for the summer holidays.', 'removal-abroad-imminent'],
    ['Last month he got her by the arm outside the school.', 'immediate-danger'],
    ['Her ex is in the house he shares with his new partner.', 'immediate-danger'],
    ['She took a whole packet of paracetamol in 2019 and was admitted.', 'immediate-danger'],
    ['Mum won’t wake up in the mornings to take them to school.', 'immediate-danger'],
    ['Through the wall they could hear the neighbours arguing most nights.', 'immediate-danger'],
    ["He said he'll cut her hair before the wedding.", 'weapon'],
    ['We played hide and seek and said she’ll never find us.', 'abduction-threat'],
    ['Nursery say potty training is going well, only a few accidents.', 'child-emotional-impact'],
    ['He drew a picture of his house with everyone smiling.', 'child-emotional-impact'],
    ['She made the daddy doll cook tea for the baby doll.', 'violence-in-presence-of-child'],
  ])('%s -> no %s', (text, id) => {
    expect(readIds(text)).not.toContain(id);
  });

  it('a threat of death for refusing a marriage, with tickets for tonight, is 999 first', () => {
    expect(run('sutton', "17yo told her teacher 'my dad has booked the tickets for tonight and if I don't marry him they'll kill me'").pathway).toBe(
      'emergency',
    );
  });

  it('a child taken by a parent who drove off saying she will never find them is 999 first', () => {
    expect(run('camden', "Police log: dad hit mum, has taken the 3yo and drove off shouting 'you'll never find us'. Mum has a head wound.").pathway).toBe(
      'emergency',
    );
  });

  it('a parent who took a handful of pills today and cannot be woken, with children at home, is 999 first', () => {
    expect(
      run('wandsworth', "The 12yo says mum swallowed loads of her tablets this morning and now she won't wake up; the little ones are with her.").pathway,
    ).toBe('emergency');
  });
});

describe('everyday sentences near the fifty-eighth to sixtieth batches’ kinds (found in review)', () => {
  it.each([
    ['She has taken all her medication as prescribed, mood stable.', 'immediate-danger'],
    ['He took all his meds with him when he moved out.', 'immediate-danger'],
    ['She has had loads of medication changes this year, reviewed by the GP.', 'immediate-danger'],
    ['She took a whole packet of paracetamol with her on holiday in case.', 'immediate-danger'],
    ['He has got mum by the arm before in arguments at handover.', 'immediate-danger'],
    ['Her ex is in her house most weekends for contact, as agreed by the court.', 'immediate-danger'],
    ["Mum's ex is in her home town so she avoids going back.", 'immediate-danger'],
    ["His belongings are still on the doorstep now, he hasn't collected them.", 'immediate-danger'],
    ['The pushchair is still on the landing now, housing have been told.', 'immediate-danger'],
    ['Through the window I could hear the children laughing and mum singing.', 'immediate-danger'],
    ['Through the front door I could hear the TV on loud, nobody answered.', 'immediate-danger'],
    ["Mum says dad 'won't wake up' when the baby cries at night.", 'immediate-danger'],
    ["If I don't tidy my room my dad will kill me.", 'threats-to-kill'],
    ["If I don't pass my GCSEs my dad will kill me lol.", 'threats-to-kill'],
    ["If I leave my phone on the bus again they'll kill me.", 'threats-to-kill'],
    ["Mum (30) says if he won't marry her she will leave and never see him again.", 'forced-marriage'],
    ["If I don't marry him my visa runs out and they will send me back.", 'forced-marriage'],
    ['Dad has got tickets for the football tomorrow.', 'removal-abroad-imminent'],
    ['Mum bought the tickets for the panto today.', 'removal-abroad-imminent'],
    ["Mum said she'll never find him a nursery place this late in the year.", 'abduction-threat'],
    ["She said she'd never find her keys in that bag.", 'abduction-threat'],
    ['Nan has taken the kids to the beach, they ran off to find crabs.', 'abduction-threat'],
    ['Grandad has taken the boys fishing and gone off for the day.', 'abduction-threat'],
    ['Toilet training: some wetting accidents again but typical for age.', 'child-emotional-impact'],
    ['The baby jumps at loud noises, normal startle reflex per the HV.', 'child-emotional-impact'],
    ['The 4yo was jumping when I arrived, loud and happy.', 'child-emotional-impact'],
    ['She drew a picture of her mum at the wedding crying with happiness.', 'child-emotional-impact'],
    ['She was drawing at home and got angry when her brother took the pens.', 'child-emotional-impact'],
    ['She put the mummy doll in the pushchair and took her to the shops.', 'violence-in-presence-of-child'],
    ['In play the dad doll throws the ball to the baby doll.', 'violence-in-presence-of-child'],
    ['The daddy teddy kicked the football to her and she laughed.', 'violence-in-presence-of-child'],
    ['In the park dad pushed me on the swings really high.', 'child-hurt'],
    ['He said his dad pushed me to try out for the football team.', 'child-hurt'],
    ['Mum said her own dad pushed me down the stairs when I was a child.', 'child-hurt'],
    ["The boys' dad pushed me against the wall, mum said.", 'child-hurt'],
    ['Dad says his own father pushed his mother down the stairs when he was a boy.', 'life-threatening-violence'],
    ["He said he'll cut her out of his will.", 'weapon'],
    ["He'll cut her money off if she leaves.", 'weapon'],
    ["Dad said he'd cut mum's grass at the weekend.", 'weapon'],
    ['He is still in the room he used to share with his brother.', 'abuser-still-present'],
  ])('%s -> no %s', (text, id) => {
    expect(readIds(text)).not.toContain(id);
  });
});

describe('reading knives in hand, texts, car parks and cowering (kinds from the sixty-first to sixty-third calibration batches, in other words)', () => {
  it.each([
    ["My little girl said daddy's got the kitchen knife out again.", 'immediate-danger'],
    ["Her friend forwarded a text from her: 'he's back, pls'.", 'immediate-danger'],
    ["He's sat in the car park right now, by the entrance.", 'immediate-danger'],
    ['He punched her and now mum cannot get up off the floor.', 'immediate-danger'],
    ["The 6yo came in crying 'daddys kicking mummy'.", 'immediate-danger'],
    ['Last night he broke a beer bottle over her head.', 'weapon'],
    ['He screams that she is a useless mother every evening.', 'persistent-verbal-abuse'],
    ['The toddler is in the house with him and he is drunk.', 'child-with-abuser-now'],
    ['Officers found the 5yo hiding in the cupboard, she had wet herself.', 'child-witnessed-distressed'],
    ['He had hold of my mum and I begged him to leave her alone.', 'child-intervened'],
    ['He pays for the shopping and gives her 15 pounds a month, nothing else.', 'economic-abuse'],
    ['He checks where she goes and gives her 30 quid a week for everything.', 'economic-abuse'],
    ['He told her she won’t see the children again if she calls the police.', 'abduction-threat'],
    ['He warned her that if she tells anyone the kids will suffer.', 'threats-of-harm'],
    ['Police systems show domestic call-outs to the flat going back to 2018.', 'repeat-police'],
  ])('%s -> %s', (text, id) => {
    expect(readIds(text)).toContain(id);
  });

  it.each([
    ["Mum says 'he's back at college now' and much calmer.", 'immediate-danger'],
    ['He parked in the car park at the hospital for his appointment last month.', 'immediate-danger'],
    ['Since he hit her years ago she cannot get up in the mornings, her GP is involved.', 'immediate-danger'],
    ['She dropped a glass on the floor while washing up.', 'weapon'],
    ['He shouted that tea was ready every evening.', 'persistent-verbal-abuse'],
    ['The children are in the house with him at weekends, as agreed.', 'child-with-abuser-now'],
    ['She has wet herself twice at nursery, they are toilet training.', 'child-witnessed-distressed'],
    ['Mum says I asked him to stop messaging me.', 'child-intervened'],
    ['Her nan gives her 10 pounds a week pocket money.', 'economic-abuse'],
    ['She won’t see the children again until Saturday because of work.', 'abduction-threat'],
    ['If she goes back to work the kids will have dinner at school.', 'threats-of-harm'],
    ['One domestic call-out in 2021, nothing since.', 'repeat-police'],
  ])('%s -> no %s', (text, id) => {
    expect(readIds(text)).not.toContain(id);
  });
});

describe('everyday sentences near the sixty-first to sixty-third batches’ kinds (found in review)', () => {
  it.each([
    ["Mum said 'he's back now' after her son returned from university.", 'immediate-danger'],
    ["Mum texted 'he's back!' when her son came home from hospital.", 'immediate-danger'],
    ["Since covid hit, mum can't get up most days because of her depression.", 'immediate-danger'],
    ["She was knocked off her bike and she can't move her left arm properly.", 'immediate-danger'],
    ["Her partner's parked in the car park now, he is giving her a lift home after the scan.", 'immediate-danger'],
    ["Dad's sat in the car park now, waiting to take the kids to contact as agreed.", 'immediate-danger'],
    ['Mum has got a new knife block for the kitchen.', 'immediate-danger'],
    ["Jo was in tears at school saying 'dad keeps hurting mum' and she is worried about going home.", 'immediate-danger'],
    ['Dad stood on the doorstep shouting goodbye to the kids.', 'immediate-danger'],
    ['We watched a film inside with the lights off on Sunday.', 'immediate-danger'],
    ['Grandad is retired, so the children are at home with him after school.', 'child-with-abuser-now'],
    ['Dad is on paternity leave, so the baby is at home with him until March.', 'child-with-abuser-now'],
    ['During the seizure he was shaking and wet himself.', 'child-witnessed-distressed'],
    ['She is terrified of the school toilets and has wet herself twice this term.', 'child-witnessed-distressed'],
    ['At the home visit mum was upset about the bills and I asked him to stop, he left the room.', 'child-intervened'],
    ['I won’t see the children again as I am leaving the nursery on Friday.', 'abduction-threat'],
    ['Mum is having surgery and she won’t see the kids again this week.', 'abduction-threat'],
    ['DA notifications: none held.', 'repeat-police'],
    ['Operation Encompass: the school is signed up to receive DA notifications.', 'repeat-police'],
    ['He broke the glass on the face of his watch at football.', 'weapon'],
    ['He was glassed in 2015 when a stranger smashed a bottle over his head in a pub.', 'weapon'],
    ['If you book online, the child pays half price.', 'threats-of-harm'],
    ["Mum said 'the baby suffers badly with reflux'.", 'threats-of-harm'],
    ['At the match he shouted that she is a great goalkeeper.', 'verbal-abuse'],
    ['The toddler screams that she is hungry every evening.', 'persistent-verbal-abuse'],
    ['Every night she swears she will stop drinking.', 'persistent-verbal-abuse'],
    ['Her mum pays the rent and gives her £20 a week for nappies.', 'economic-abuse'],
    ['She gets £90 per week from her part-time job.', 'economic-abuse'],
    ['She gets £187 per week Statutory Maternity Pay.', 'economic-abuse'],
  ])('%s -> no %s', (text, id) => {
    expect(readIds(text)).not.toContain(id);
  });

  it.each([
    ["A neighbour rang: her ex is standing on the doorstep with a hammer, she's upstairs with the baby.", 'immediate-danger'],
    ['Caller says mum and the children are hiding inside with the lights off.', 'immediate-danger'],
  ])('%s -> %s', (text, id) => {
    expect(readIds(text)).toContain(id);
  });
});

describe('reading locked doors, pleas, airports, plans and release (kinds from the sixty-fourth to sixty-sixth calibration batches, in other words)', () => {
  it.each([
    ['Her sister says he has locked the flat door and is not letting her out.', 'immediate-danger'],
    ["A text came through from her: 'plz send someone hes smashing the place'.", 'immediate-danger'],
    ['The boy said his mum would not wake up when he shook her before school.', 'immediate-danger'],
    ['Caller in the flat below, a man screaming at her and things being thrown.', 'immediate-danger'],
    ['Banging and a baby screaming next door, the caller is on the phone now.', 'immediate-danger'],
    ['She messaged her friend that the plane leaves in an hour and she does not want to go.', 'removal-abroad-imminent'],
    ['He rang school from departures at the airport.', 'removal-abroad-imminent'],
    ['My 12 year old says she got in the way to help mum when he threw the plate.', 'child-intervened'],
    ['The toddler came into nursery with a scald on his hand.', 'child-hurt'],
    ["14 yo, the so-called 'gf' is 20 and picks him up from school.", 'young-teen-own-relationship'],
    ["The 13yo told her friend we're in a relationship now.", 'young-teen-own-relationship'],
    ["She told me we're together now, he's her karate coach.", 'position-of-trust'],
    ['He got out in the summer after serving 3 years.', 'criminal-history'],
    ['Both children remain subject to child protection plans.', 'child-protection-plan'],
    ['The household is known to us on a CP plan since March.', 'child-protection-plan'],
    ['Nan was shoved down the stairs by her 16 year old grandson and then by his son.', 'apva'],
    ["Dad is not supposed to be staying at mum's flat.", 'breach-of-orders'],
    ["The 7yo said he's heard dad say 'I'll bloody end you'.", 'threats-to-kill'],
    ['The 8yo goes under his duvet when things kick off.', 'child-emotional-impact'],
  ])('%s -> %s', (text, id) => {
    expect(readIds(text)).toContain(id);
  });

  it.each([
    ['He locked the door and would not let her leave, back in 2019.', 'immediate-danger'],
    ['Please send someone to the review on Thursday.', 'immediate-danger'],
    ['Please call the police if he turns up again.', 'immediate-danger'],
    ['The neighbour reported a man shouting last week.', 'immediate-danger'],
    ['Our flight to the conference is in 3 weeks.', 'removal-abroad-imminent'],
    ['Mum was at the airport last month collecting her sister.', 'removal-abroad-imminent'],
    ['Her nan got in the way to stop him seeing his daughter.', 'child-intervened'],
    ["15 year old lives with mum, and mum's boyfriend is 35.", 'young-teen-own-relationship'],
    ['The 12yo says mum and her partner are together again.', 'young-teen-own-relationship'],
    ['He came out after 4 years of marriage and is now with a man.', 'criminal-history'],
    ['You can hear him shouting from inside the flat.', 'criminal-history'],
    ['The children were on child protection plans until 2021.', 'child-protection-plan'],
    ['They came off their CP plans last year.', 'child-protection-plan'],
    ['The plan is for mum to attend the freedom programme.', 'child-protection-plan'],
    ["They are not meant to be living there long, it's emergency housing.", 'breach-of-orders'],
  ])('%s -> no %s', (text, id) => {
    expect(readIds(text)).not.toContain(id);
  });
});

describe('everyday sentences near the sixty-fourth to sixty-sixth batches’ kinds (found in review)', () => {
  it.each([
    ['mum said he locked her in the bedroom back in 2021, nothing like that since', 'immediate-danger'],
    ['if he locks me in again i am ringing 999 straight away', 'immediate-danger'],
    ["please send someone round to look at the damp in the kids' room", 'immediate-danger'],
    ['pls get someone to ring me back re core group date', 'immediate-danger'],
    ["please send someone from early help, mum's struggling with the baby's sleep", 'immediate-danger'],
    ["mum wouldn't get up this morning when i shook her, she'd been on nights and told me to get myself to school", 'immediate-danger'],
    ['neighbour said there was shouting and banging last night', 'immediate-danger'],
    ["caller heard thuds from upstairs, thinks they're moving furniture, no concerns", 'immediate-danger'],
    ['work kept getting in the way so mum missed the conference', 'child-intervened'],
    ['dog got in the way when he was reversing the car, vet visit', 'child-intervened'],
    ['came to me with a blister from her new school shoes, plaster given, no concerns', 'child-hurt'],
    ['came into school with a swelling on her cheek - dentist confirmed abscess, on antibiotics', 'child-hurt'],
    ["the 14yo says me and him are together at dad's on weekends - means her brother", 'young-teen-own-relationship'],
    ["she's 15 now, mum's partner is 22 and mum is 38", 'young-teen-own-relationship'],
    ["mum's new partner was her tutor on the access course, she's 34", 'position-of-trust'],
    ['yp told her teacher me and my bf are together again, bf is in her year', 'position-of-trust'],
    ['got out last month after 18 months on the housing list, new flat in town', 'criminal-history'],
    ['released from hospital yesterday after knee op', 'criminal-history'],
    ['icpc booked to decide if a cp plan is needed, date tbc', 'child-protection-plan'],
    ['no cp plan in place, open to early help only', 'child-protection-plan'],
    ['mum pushed her 15yo son into the car when he refused to go to school', 'apva'],
    ["15yo son was pushed into a door by mum's partner", 'apva'],
    ["dad's not supposed to be driving since his eye op", 'breach-of-orders'],
    ["nan isn't meant to be staying at the flat over xmas as there's no room", 'breach-of-orders'],
    ['hides his veg under his plate when tea starts', 'child-emotional-impact'],
  ])('%s -> no %s', (text, id) => {
    expect(readIds(text)).not.toContain(id);
  });

  it.each([
    ["child rang saying mummy's on the kitchen floor and won't open her eyes", 'immediate-danger'],
    ['14yo stood between dad and mum when he went for her and got punched', 'child-intervened'],
    ['the little one jumped on his back to make him let go of mummy', 'child-intervened'],
    ['children are subject to cp under emotional harm and neglect, next rcpc in may', 'child-protection-plan'],
    ['transfer-in conference booked, kids still on plans from previous la for dv', 'child-protection-plan'],
    ['the 6yo takes the baby into the wardrobe when they start arguing', 'child-emotional-impact'],
  ])('%s -> %s', (text, id) => {
    expect(readIds(text)).toContain(id);
  });
});

describe('treatment shown, a duty done at a school, ages listed after "kids" (older calibration batches’ last under-triaged kinds, in other words)', () => {
  it.each([
    ['Her wrist has been in a plaster cast since Friday and she will not say why.', 'significant-injury'],
    ['The 6yo said daddy pushed mummy and then an ambulance took her.', 'significant-injury'],
    ['Her partner does after-school club cover at the primary.', 'position-of-trust'],
    ['Children 4 & 6 heard him punching her in the kitchen.', 'violence-in-presence-of-child'],
  ])('%s -> %s', (text, id) => {
    expect(readIds(text)).toContain(id);
  });

  it.each([
    ['His leg is in a cast after a skiing accident.', 'significant-injury'],
    ['An ambulance came for nan last winter when she had a stroke.', 'significant-injury'],
    ['He does night shifts at the depot.', 'position-of-trust'],
  ])('%s -> no %s', (text, id) => {
    expect(readIds(text)).not.toContain(id);
  });
});

describe('a knife just fetched, a call lost mid-incident, a goodbye message, fire, bites and threats said sideways (kinds from the sixty-seventh to sixty-ninth calibration batches, in other words)', () => {
  it.each([
    ['her lad texted that his dad has grabbed a knife out of the block and is shouting', 'immediate-danger'],
    ["the call was cut off halfway through and we can't get back through", 'immediate-danger'],
    ['he pushed her off the landing and mum is at the bottom of the stairs and cannot move', 'immediate-danger'],
    ['the boy says mum is on the bathroom floor and the man is downstairs', 'immediate-danger'],
    ['reception staff are trying to hold him back while she gets the baby out the back', 'immediate-danger'],
    ["he's at the nursery door screaming he's 'taking my son' and won't go", 'immediate-danger'],
    ["a voicemail from him at 2am: 'say goodbye to them, you won't see them again'", 'immediate-danger'],
    ['the 7yo says the man makes her lie there while they do grown up things', 'child-sexual-abuse'],
    ['the 15yo stays out until the early hours so she does not have to go home', 'child-emotional-impact'],
    ['school nurse says the 14yo is now cutting again', 'child-mental-health'],
    ['dad bites her when he has been drinking', 'physical-violence'],
    ['nursery saw bite marks on her arm at drop-off', 'minor-injury'],
    ['she says the door did that to her eye', 'implausible-injury-explanation'],
    ['he sits outside the house in his car most nights', 'stalking'],
    ['the police came out again on saturday, makes it four times since june', 'repeat-police'],
    ['his former partner had him arrested for assault', 'history-previous-relationships'],
    ['he held a lighter near her face and laughed', 'weapon'],
    ['the 15yo is being taken back in august to meet the boy she is supposed to marry', 'forced-marriage'],
    ["he told her he'd do her and then the kids if she called anyone", 'threats-to-kill'],
    ['he would not let the social worker see the baby', 'perpetrator-avoids-services'],
    ['he took her purse and bank card so she could not leave', 'economic-abuse'],
    ['he threw all her things out on the drive', 'property-damage'],
    ['he calls her a useless mother in front of the kids', 'verbal-abuse'],
    ['stepdad kicks off at mum whenever tea is late', 'verbal-abuse'],
  ])('%s -> %s', (text, id) => {
    expect(readIds(text)).toContain(id);
  });

  it.each([
    ['back in 2020 he got a knife out of the drawer and waved it at her', 'immediate-danger'],
    ['mum was sat on the floor doing a jigsaw with the kids', 'immediate-danger'],
    ['security held him back at the hearing in march', 'immediate-danger'],
    ['the family said goodbye to nan at the airport', 'immediate-danger'],
    ['makes her sit with them while they do the washing up', 'child-sexual-abuse'],
    ['she stays out late on fridays with her mates from football', 'child-emotional-impact'],
    ['the 8yo has been cutting out snowflakes for the class window', 'child-mental-health'],
    ['the 15yo keeps cutting lessons to see her bf', 'child-mental-health'],
    ['his ex had him arrested', 'perpetrator-avoids-services'],
    ['the 13yo told me (school nurse) that her dad hit mum again', 'position-of-trust'],
    ['he will do the school run and then the shopping', 'threats-to-kill'],
    ['she said the dog did not bite anyone', 'implausible-injury-explanation'],
    ["the 16yo took her mum's bank card to pay for the shopping", 'economic-abuse'],
    ['the 6yo kicks off at nursery when mum leaves', 'verbal-abuse'],
  ])('%s -> no %s', (text, id) => {
    expect(readIds(text)).not.toContain(id);
  });
});

describe('children kept after contact, a child snatched, held under water, a voicemail after violence, heaven and veiled threats (kinds from the seventieth to seventy-second calibration batches, in other words)', () => {
  it.each([
    ['she is about seven months gone and he checks her phone every night', 'pregnancy'],
    ['her 10yo jumped in the middle and was knocked into the door frame', 'child-intervened'],
    ['he ripped the toddler out of her arms at the contact centre', 'abduction-threat'],
    ['he says if she ever reports him he will take the girls back home to his mother', 'abduction-threat'],
    ['the app shows they are at Stansted check-in', 'removal-abroad-imminent'],
    ['their plane is at 18:10 and he has both passports', 'removal-abroad-imminent'],
    ['he pushed her into the pool and held her under', 'life-threatening-violence'],
    ["he told the kids he'd take them with him to heaven", 'threats-to-kill'],
    ["his message said you'll pay for this, I promise", 'threats-of-harm'],
    ['he is speeding away right now with the baby in the back', 'abuser-at-large'],
    ["he was due to bring the children back at teatime but he hasn't", 'child-with-abuser-now'],
    ["her ex is in the living room holding the little one and won't hand her over", 'child-with-abuser-now'],
    ['her partner is in the hall refusing to leave', 'abuser-still-present'],
    ['her phone goes straight to voicemail', 'victim-unreachable'],
    ['the kids are hiding under the bed and he is still here', 'immediate-danger'],
    ['nan is banging on the bathroom door, says her son locked her in', 'immediate-danger'],
    ['the baby has a lump on his forehead and is really floppy', 'immediate-danger'],
    ['he throws stuff around when he loses his temper', 'property-damage'],
    ['mum takes tablets for her nerves', 'victim-mental-health'],
    ['he smashed the telly when she said she was leaving him', 'victim-fear'],
    ['the 5yo has started headbanging at home', 'child-emotional-impact'],
  ])('%s -> %s', (text, id) => {
    expect(readIds(text)).toContain(id);
  });

  it.each([
    ['nan lifted the baby from her arms to wind him', 'abduction-threat'],
    ['if she wants he will take the kids to his family at christmas', 'abduction-threat'],
    ['his flight at 10:15 last year was cancelled', 'removal-abroad-imminent'],
    ['she held her breath under the water at swimming', 'life-threatening-violence'],
    ['grandad is in heaven now, the 6yo talks about him a lot', 'threats-to-kill'],
    ['mum will pay for the nursery place herself', 'threats-of-harm'],
    ['he brought the kids back at teatime as agreed', 'child-with-abuser-now'],
    ['the 15yo is refusing to go to school', 'abuser-still-present'],
    ['mum is not answering our letters about the plan', 'victim-unreachable'],
    ['the kids were hiding easter eggs in the garden while she was still there', 'immediate-danger'],
    ['he smashed his phone when his team lost', 'victim-fear'],
  ])('%s -> no %s', (text, id) => {
    expect(readIds(text)).not.toContain(id);
  });

  it('after a strangulation, a victim who cannot be reached now is 999 first', () => {
    expect(
      run('sutton', 'Police notification: he had his hands round her throat last night. Her phone has been off since this morning and the kids are with her.')
        .pathway,
    ).toBe('emergency');
  });

  it('a man who talks of ending it all and threatens her, waiting outside her home now, is 999 first', () => {
    expect(
      run('wandsworth', "He texted that there's no point going on and she'll regret what she did. He's parked outside her flat now and the kids are inside.")
        .pathway,
    ).toBe('emergency');
  });

  it('children kept past the handover by a father who has just sent a knife picture is 999 first', () => {
    expect(run('lambeth', 'Dad was supposed to bring the two boys back at six but he has not, and he has sent mum a photo of a knife.').pathway).toBe(
      'emergency',
    );
  });
});

describe('everyday sentences near the seventieth to seventy-second batches’ kinds (found in review)', () => {
  it.each([
    ["he says if she goes to police he'll take the kids back to Pakistan and she'll never see them", 'abduction-threat'],
    ['if u leave me I take the children home to Romania, thats what he told her', 'abduction-threat'],
    ['theyre at check in at manchester airport now, dad has the kids passports', 'removal-abroad-imminent'],
    ['pushed her face under the water in the sink and held it there', 'life-threatening-violence'],
    ['his text said me and the kids are going to heaven together, you wont stop us', 'threats-to-kill'],
    ['dad was meant to bring them back at 5 and its now 8, no word', 'child-with-abuser-now'],
    ['he hasnt brought the girls back after weekend contact and wont answer', 'child-with-abuser-now'],
    ["he's got the baby in his arms now and won't give her back", 'child-with-abuser-now'],
    ["ex turned up and won't go, he's in the living room now", 'abuser-still-present'],
    ['tried her 5 times no answer, really worried', 'victim-unreachable'],
    ["she's gone limp in my arms, not crying", 'immediate-danger'],
    ['toddler floppy and grey after he shook her', 'immediate-danger'],
    ['when she told him she was leaving he punched a hole in the wall', 'victim-fear'],
    ['as she tried to leave he kicked the door in', 'victim-fear'],
  ])('%s -> %s', (text, id) => {
    expect(readIds(text)).toContain(id);
  });

  it.each([
    ['family are taking the kids back home to Poland for the summer, both parents agreed', 'abduction-threat'],
    ['dad took the baby from mum so she could have a shower', 'abduction-threat'],
    ["i'm checking in with the family at 3pm for a home visit", 'removal-abroad-imminent'],
    ['dad held him under the arms while he learned to swim', 'life-threatening-violence'],
    ['heaven knows how she copes with four under five', 'threats-to-kill'],
    ["you'll pay for parking at the hospital so bring change", 'threats-of-harm'],
    ['he was meant to bring back the library books but forgot', 'child-with-abuser-now'],
    ['dad was holding the baby at the clinic, good interaction observed', 'child-with-abuser-now'],
    ['Nan refuses to leave her bungalow and go into care', 'abuser-still-present'],
    ['couldnt get hold of the GP receptionist yesterday, will try again', 'victim-unreachable'],
    ['children used to hide under the bed when he came home, that was before he moved out', 'immediate-danger'],
    ['toddler locked himself in the loo last week, dad got him out', 'immediate-danger'],
    ['baby was floppy with a temp last month, GP saw, now fine', 'immediate-danger'],
    ['kid punched the wall in temper over his homework', 'victim-fear'],
  ])('%s -> no %s', (text, id) => {
    expect(readIds(text)).not.toContain(id);
  });
});

describe('everyday sentences near the seventy-third to seventy-fifth batches’ kinds (police notes, health settings, teenagers)', () => {
  it.each([
    ['he said she would end up in a coffin if she left', 'threats-to-kill'],
    ['they told him if he shames them nobody will ever find his body', 'threats-to-kill'],
    ['pt c/o dizziness, ?LOC after the headbutt', 'significant-injury'],
    ['finger marks around her neck, says it was a rash', 'strangulation'],
    ['ex drove at her car and forced her off the road on the A23', 'life-threatening-violence'],
    ["he's following us in his car, I can see his lights", 'immediate-danger'],
    ["texted that if i'm not out in 5 mins he's coming in to get me", 'immediate-danger'],
    ["she messaged from his phone saying he won't let her go home", 'immediate-danger'],
    ["dad texted the kids don't come home tonight, go to your aunt's", 'immediate-danger'],
    ['the twins still at home with him and he has been drinking all day', 'child-with-abuser-now'],
    ['her ex is sitting in the hospital car park now', 'abuser-outside-now'],
    ['an older lad was paying her for photos on snapchat', 'sexual-exploitation'],
    ['she sent them pictures and they were passed round the year group', 'sexual-exploitation'],
    ["Girl (14) says her bf, he's 22, picks her up from school", 'young-teen-own-relationship'],
    ['they are taking him on a trip abroad at Easter to get him married', 'forced-marriage'],
    ['she has to get engaged to a man she has never met', 'forced-marriage'],
    ['his flight is tmrw at 6am and his uncle took his passport', 'removal-abroad-imminent'],
    ['the 10yo keeps scratching his arms and has stopped eating', 'child-mental-health'],
    ['eldest (13) says its all her fault dad left', 'child-emotional-impact'],
  ])('%s -> %s', (text, id) => {
    expect(readIds(text)).toContain(id);
  });

  it.each([
    ['the old photos are in a box under the bed', 'threats-to-kill'],
    ['nobody will find out about the surprise party', 'threats-to-kill'],
    ['a stiff neck after sleeping on the sofa', 'strangulation'],
    ['the bus driver followed the road round to the school', 'immediate-danger'],
    ['mum told him not to come home drunk again', 'immediate-danger'],
    ['the children are at home with him on Saturdays as agreed', 'child-with-abuser-now'],
    ['he used to wait in the car park at handover last year', 'abuser-outside-now'],
    ['nan sends them photos of the dog every week', 'sexual-exploitation'],
    ['she met a new friend online she has never met in person', 'forced-marriage'],
    ['they went on a trip abroad last summer and had a lovely time', 'forced-marriage'],
    ['the 10yo is eating well and back at football', 'child-mental-health'],
    ['dad says the 7yo is always at fault at school', 'child-emotional-impact'],
  ])('%s -> no %s', (text, id) => {
    expect(readIds(text)).not.toContain(id);
  });
});

describe('everyday sentences near the seventy-seventh to eightieth batches’ kinds (chronologies, children’s words, less common pictures, worried outsiders)', () => {
  it.each([
    ["the nurse said mum told her 'he'll finish it' once the ambulance left", 'threats-to-kill'],
    ["she says he's warned her he can make it look like an accident", 'threats-to-kill'],
    ["then he looked at her daughter and said 'you're next'", 'threats-to-kill'],
    ['my brothers said if they find out about him they will kill me', 'threats-to-kill'],
    ['it went dead quiet after the bang and I cannot hear her any more', 'immediate-danger'],
    ['I can hear a child screaming in the flat below', 'immediate-danger'],
    ['caller says police are not there yet and it is still going on', 'immediate-danger'],
    ["mum texted 'he's on his way!'", 'immediate-danger'],
    ["he's just smashed the back door in", 'immediate-danger'],
    ['thudding and screaming for over 15 minutes', 'immediate-danger'],
    ['her ex is waiting outside the surgery now', 'abuser-outside-now'],
    ['the father is in reception demanding to see his son', 'abuser-outside-now'],
    ['he went to the bookies and is due home in a few minutes', 'abuser-still-present'],
    ['he has a hammer and is out looking for them', 'abuser-at-large'],
    ['she broke a plate over his head', 'weapon'],
    ['there is blood down her face', 'minor-injury'],
    ['a non-mol is in place but he turned up at her work regardless', 'breach-of-orders'],
    ['dad shouted you will never see them again and walked out with the baby', 'abduction-threat'],
    ['he says he will take them back to Portugal and she will never see them', 'abduction-threat'],
    ["the boy said 'I had to jump in between them'", 'child-intervened'],
    ['in play he pressed one doll on top of another doll', 'child-sexualised-behaviour'],
    ['started wetting the bed again, was dry for ages', 'child-emotional-impact'],
    ['Leah (15) told a friend she is going to meet the man she is marrying in August', 'forced-marriage'],
    ['his mum is marrying him to an older relative abroad', 'forced-marriage'],
    ['he told her he wanted to split up and it all kicked off', 'separation'],
    ['he has to ask his wife before he can go out with friends', 'intense-control'],
    ['he keeps asking the kids where mum is staying', 'stalking'],
    ['he runs the after-school club for kids at the church', 'position-of-trust'],
    ['we heard he went down for beating an ex partner', 'history-previous-relationships'],
    ['he checks through her phone every night', 'jealousy-possessiveness'],
    ['he only gives her £15 a week and wants receipts for everything', 'economic-abuse'],
    ["he shouted that he's finishing this once and for all when he's back", 'threats-to-kill'],
    ['the boy says mum passed out and would not wake for a long time', 'life-threatening-violence'],
  ])('%s -> %s', (text, id) => {
    expect(readIds(text)).toContain(id);
  });

  it.each([
    ['the baby has been crying for 20 minutes', 'immediate-danger'],
    ["she says he's listening to me more since the course", 'immediate-danger'],
    ['the council has put the back door in', 'immediate-danger'],
    ["mum said 'he's coming round.'", 'immediate-danger'],
    ['police have not arrived at a decision yet', 'immediate-danger'],
    ["we heard her scream last week but didn't report it", 'immediate-danger'],
    ['he kicked the door in last year', 'immediate-danger'],
    ['the plan is built on them being apart since he smashed the bedroom door in', 'immediate-danger'],
    ["she'd heard banging for 10 mins before the police came", 'immediate-danger'],
    ['I hear her screaming through the wall most nights', 'immediate-danger'],
    ["the baby fell asleep in the car and didn't wake until we got home", 'life-threatening-violence'],
    ["her son is 4 and he's in reception at the local primary", 'abuser-outside-now'],
    ['the taxi arrived and is waiting outside now', 'abuser-outside-now'],
    ['a man was standing outside staring at the flat last week', 'abuser-outside-now'],
    ['her ex is in prison and due home soon', 'abuser-still-present'],
    ['dad was swinging the baby round in the garden', 'weapon'],
    ["she told him she'd finish it.", 'threats-to-kill'],
    ["I'm ending it for good this time, mum told me", 'threats-to-kill'],
    ['I need to ask her to see the GP', 'intense-control'],
    ["Amy (14) says she's not allowed out on school nights", 'intense-control'],
    ['the medicine cupboard is kept locked', 'intense-control'],
    ["that's what he does to mum when she says she's tired", 'sexual-assault'],
    ["I'm taking them swimming on Saturday", 'abduction-threat'],
    ["mum told the kids 'you won't see him again until the weekend'", 'abduction-threat'],
    ['Mum is married to her cousin', 'forced-marriage'],
    ['mum handles the money and pays the bills', 'economic-abuse'],
    ["the children's centre runs sessions for the kids", 'position-of-trust'],
    ['he turned up at court for the non-mol hearing', 'breach-of-orders'],
    ['she put one doll on top of another in the pram', 'child-sexualised-behaviour'],
    ['I had to step in between them in the playground', 'child-intervened'],
    ['she picked the kids up from school and drove off', 'abuser-at-large'],
    ['her mum gives her £20 a week towards food', 'economic-abuse'],
    ['he coaches his son at the park at weekends', 'position-of-trust'],
  ])('%s -> no %s', (text, id) => {
    expect(readIds(text)).not.toContain(id);
  });

  it('reads a DASH score given "at the scene" as high risk, with MARAC', () => {
    expect(run('sutton', 'officers completed the dash at the scene, 18').referrals.map((x) => x.id)).toContain('marac');
  });

  it('a mother who would not wake after an assault, and nobody answering now, is a 999 welfare check', () => {
    const r = run(
      'lambeth',
      'Reception note 8.45: her son says dad knocked mum over last night and she passed out and did not wake up for a long time. Mum is not answering her phone.',
    );
    expect(r.pathway).toBe('emergency');
  });

  it('a person causing harm at large with a weapon, looking for her, is 999 first', () => {
    const r = run('stoke-on-trent', 'Woman arrived at the station with her two boys. She says her partner has a knife and is out in the car looking for her.');
    expect(r.pathway).toBe('emergency');
    expect(r.referrals.map((x) => x.id)).toContain('police');
  });
});

describe('everyday sentences near the eighty-second to eighty-seventh batches’ kinds (found in review)', () => {
  it.each([
    ["Mum's next appointment with the GP is on Tuesday.", 'threats-to-kill'],
    ['She is next up for a refuge space.', 'threats-to-kill'],
    ['There will be no one left in the office after 5.', 'threats-to-kill'],
    ["There won't be any family left nearby to help once nan moves.", 'threats-to-kill'],
    ["Grandad said he'd bury her hamster in the garden.", 'threats-to-kill'],
    ['Mum disclosed that he is still hitting me when the kids are asleep.', 'immediate-danger'],
    ['Kayla told her teacher this morning that daddy is hurting mummy.', 'immediate-danger'],
    ['Mum reports he is hurting us financially by not paying maintenance.', 'immediate-danger'],
    ["I'm in the loo at the surgery, can't talk.", 'immediate-danger'],
    ['I am in my wardrobe trying on my new school uniform.', 'immediate-danger'],
    ['Although the non-molestation order has expired, he has stayed away.', 'breach-of-orders'],
    ['Even though there is a non-mol in place he has complied with it.', 'breach-of-orders'],
    ['PPNs: 0 between 01/04/2023 and 31/03/2024.', 'repeat-police'],
    ['Police notifications: checked 03/05/2024, none since 2021; next check due 03/08/2024.', 'repeat-police'],
    ['There was dirt on the family’s kitchen floor at the visit.', 'honour-based-abuse'],
    ['Mum introduced the children to the man she is going to be with.', 'forced-marriage'],
    ['Her husband is waiting for her in Nigeria and she plans to join him with the baby.', 'forced-marriage'],
    ['Her sister is organising the wedding for her.', 'forced-marriage'],
    ['The kids are all grown up for their age and help with the baby.', 'no-children'],
    ['Dad reports the children have moved away with mum to Leeds.', 'no-children'],
    ['Since dad left it is just the two of them, her and Kayla.', 'no-children'],
    ['He broke her nose in March. Dad will have the kids on Saturday.', 'child-with-abuser-now'],
    ['Referrer: Ms Patel. Job: class teacher.', 'position-of-trust'],
    ['The refuge runs weekly kids art sessions.', 'position-of-trust'],
    ['Dad is a long-distance coach driver and is away most weeks.', 'position-of-trust'],
  ])('%s -> no %s', (text, id) => {
    expect(readIds(text)).not.toContain(id);
  });

  it('a date after "DASH" is not a score', () => {
    const facts = readIndicators(knowledge(), 'DASH: 14/11/2024, mum declined most questions. DASH risk assessment to be done by the IDVA - 16 March.').facts;
    expect(facts.dashScore).toBeUndefined();
  });
});
