// Word lists for the bench seed: an organisation's learning community, in its own words.

/** Comma-separated items, one list per block of text (easier to read than one per line). */
function list(text: string): readonly string[] {
  return text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

export const FIRST_NAMES = list(`
  Aaliyah, Abdul, Ada, Adebayo, Aisha, Akira, Alejandro, Alex, Amara, Amir, Ana, Anders,
  Andrea, Anika, Arjun, Astrid, Ayumi, Bea, Ben, Bilal, Bruno, Carla, Carlos, Chen, Chidi,
  Chloe, Dana, Daniel, Dev, Diego, Elena, Elif, Emeka, Emma, Erik, Esther, Fatima, Felix,
  Freya, Gabriel, Hana, Hannah, Hugo, Ines, Isaac, Ivan, Jae, Jamal, Jana, Javier, Jin, Joanna,
  Jonah, Kai, Kaveh, Keisha, Kenji, Kofi, Lars, Layla, Leila, Liam, Lina, Lucas, Maya, Mei,
  Mateo, Nadia, Nia, Nikhil, Noah, Nour, Olga, Omar, Oskar, Paula, Pedro, Rafael, Rania, Ravi,
  Rosa, Ruth, Sana, Sara, Seo-yeon, Simone, Sofia, Tariq, Thandiwe, Theo, Uma, Valentina,
  Vikram, Wei, Yara, Yusuf, Zainab, Zoe, Zoltan, Ngozi
`);

export const LAST_NAMES = list(`
  Abara, Ahmed, Andersen, Bakker, Banerjee, Becker, Bianchi, Brown, Castro, Chatterjee, Chen,
  Costa, Dubois, Eze, Fernandes, Fischer, Garcia, Gupta, Haddad, Hansen, Hoang, Ibrahim, Ito,
  Jansen, Jensen, Kamau, Kaur, Khan, Kim, Kowalski, Kumar, Larsen, Lee, Lindqvist, Lopez,
  Mahlangu, Martin, Mensah, Moreau, Mukherjee, Müller, Nakamura, Nguyen, Novak, Nowak, Obi,
  Okeke, Olsen, Osei, Park, Patel, Pereira, Petrov, Quispe, Rahman, Reyes, Rossi, Sato,
  Schmidt, Silva, Singh, Smith, Sokolov, Suzuki, Tan, Taylor, Torres, Van Dijk, Vasquez, Wang,
  Watanabe, Williams, Wójcik, Yamamoto, Yilmaz, Zhang, Zulu, O'Brien, Murphy, Kelly
`);

export const TEAMS = list(`
  Engineering, Design, Product, People & Culture, Customer Success, Data, Platform, Mobile,
  Payments, Growth, Security, Infrastructure, Quality, Research, Marketing, Sales, Finance,
  Legal, Operations, Support, Content, Analytics, Developer Experience, Partnerships,
  Learning & Development
`);

export const JOB_TITLES = list(`
  Software Engineer, Senior Software Engineer, Staff Engineer, Engineering Manager,
  Product Designer, UX Researcher, Product Manager, Data Analyst, Data Scientist,
  Site Reliability Engineer, QA Engineer, Security Engineer, Technical Writer,
  Customer Success Manager, Support Specialist, Account Executive, Marketing Manager,
  Content Strategist, Financial Analyst, Legal Counsel, Operations Lead, People Partner,
  Learning Designer, Recruiter, Team Lead, Head of Design
`);

export const SKILLS = list(`
  TypeScript, React, PostgreSQL, Accessibility, Facilitation, Public speaking, User research,
  Product discovery, Data analysis, SQL, Python, Kubernetes, Technical writing, Coaching,
  Negotiation, Figma, Incident response, Observability, Security, Mentoring, Go, Rust, Java,
  Terraform, AWS, GraphQL, Testing, Design systems, Content strategy, Copywriting,
  Storytelling, Project management, Agile coaching, Workshop design, Spreadsheets,
  Machine learning, Statistics, Customer interviews, Hiring, Budgeting, Leadership,
  Giving feedback, Time management, Presentation design
`);

export const TAGS = list(`
  Onboarding, Testing, Pairing, Accessibility, Incident review, Book club, Mentoring,
  Code review, Retrospectives, Facilitation, Documentation, Observability, Security,
  Performance, Design systems, User research, Product discovery, Data, SQL, TypeScript, React,
  PostgreSQL, Kubernetes, Career growth, Feedback, Psychological safety, Remote work,
  Async communication, Lunch and learn, Workshops, Public speaking, Technical writing,
  Leadership, Management, Hiring, Interviewing, Estimation, Planning, Architecture, API design,
  Refactoring, DevOps, Continuous integration, On-call, Customer success, Sales enablement,
  Analytics, Experimentation, UX writing, Figma, Prototyping, Coaching, Recognition, Wellbeing,
  Learning budget, Conferences, Certification, Open source, Innovation, Hack day
`);

export const PRACTICES = list(`
  pair programming, mob programming, code review, a lunch-and-learn, a book club,
  a blameless retrospective, an incident review, a design critique, job shadowing,
  a brown-bag session, a guild meeting, office hours, a demo day, a hack day, a reading group,
  job rotation, mentoring, reverse mentoring, a community of practice, a show-and-tell,
  a town hall, a workshop, a guest speaker session, a learning circle
`);

export const TOPICS = list(`
  onboarding, accessibility, automated testing, observability, feature flags, TypeScript,
  PostgreSQL indexes, on-call, incident response, technical writing, user research,
  product discovery, facilitation, public speaking, data analysis, Kubernetes,
  security reviews, design systems, performance budgets, estimation, documentation,
  customer interviews, stakeholder updates, career conversations, feedback,
  psychological safety, remote collaboration, async communication
`);

export const ROLES = list(`
  new joiners, senior engineers, designers, product managers, team leads, mentors, mentees,
  facilitators, on-call engineers, analysts, support agents, people managers
`);

export const TIMES = list(`
  last sprint, last quarter, this month, during the offsite, after the reorg,
  in our last retro, over the summer, since January, last week, before the launch
`);

export const OUTCOMES = list(`
  it saved us hours of rework, people started asking more questions,
  new joiners ramped up noticeably faster, we caught three bugs before release,
  nobody felt blamed for the outage, the conversation got much more honest,
  we cut the meeting in half, two people volunteered to run the next one,
  the quieter voices in the room finally spoke up, we wrote our first real runbook,
  it felt awkward for a week and then became a habit, our review queue stopped growing,
  attendance doubled without any reminders, the same incident has not happened since
`);

export const PAINS = list(`
  finding the time, getting buy-in from leads, keeping the notes current,
  knowing where to start, the tooling, making it feel safe to ask basic questions,
  the time zones, measuring whether it worked, keeping momentum after the first month
`);

export const ARTIFACTS = list(`
  the goals, three open questions, the agenda, what success looks like, a glossary,
  the runbook, a decision record, a one-page summary, the checklist
`);

export const METRICS = list(`
  time to first merged change, onboarding time, review turnaround, attendance,
  the number of repeat incidents, our engagement survey score, support ticket volume
`);

export const RESOURCES = list(`
  Team Topologies, The Fifth Discipline, Accelerate, Inclusive Components, Radical Candor,
  Thinking in Systems, The Culture Map, Turn the Ship Around, Making Work Visible,
  An Elegant Puzzle, The Manager's Path, Crucial Conversations, The Fearless Organization,
  Resilient Management, Docs for Developers
`);

export const ADJECTIVES = list(`
  useful, awkward, messy, helpful, slow, surprising, valuable, confusing, energising,
  underrated, overdue, straightforward
`);

export const VERBS_PAST = list(`
  tried, introduced, restarted, rethought, piloted, documented, simplified, automated,
  measured, scheduled
`);

export const VERBS_BASE = list(`
  run, introduce, teach, document, measure, improve, explain, practise, share, review
`);

export const WEEKDAYS = list(`
  Monday, Tuesday, Wednesday, Thursday, Friday
`);

export const OPENERS = list(`
  Honestly, To be fair, In hindsight, Surprisingly, For what it's worth
`);
