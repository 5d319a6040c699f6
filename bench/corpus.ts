import type { Random } from "./random";

// Realistic English for a person's support cases: what they write in titles, notes, chat
// transcripts and questions. Each industry has its own words, so searches hit some cases
// and miss others the way they would for a real user.

interface Industry {
  suffixes: string[];
  reference: string;
  titles: string[];
  details: string[];
  notes: string[];
  agent: string[];
  me: string[];
  questions: string[];
  promises: string[];
}

const industries: Record<string, Industry> = {
  airline: {
    suffixes: ["Air", "Airlines", "Airways", "Jet"],
    reference: "PNR",
    titles: [
      "Refund for cancelled flight {flight}",
      "Lost baggage on flight {flight} to {city}",
      "Compensation for {hours}-hour delay",
      "Seat upgrade charged but never applied",
      "Missed connection in {city}, rebooking costs",
      "Travel credit expired before I could use it",
      "Damaged suitcase after flight {flight}",
      "Name misspelled on ticket, change fee",
    ],
    details: [
      "The flight was cancelled the night before and I booked another airline myself.",
      "My suitcase never arrived in {city}; the tracing file is still open.",
      "They offered a travel credit instead of a refund to the original card.",
      "The delay was caused by a crew shortage, not weather, so compensation applies.",
      "I paid {amount} for the upgrade and sat in economy the whole way.",
    ],
    notes: [
      "Agent confirmed the cancellation was within the airline's control.",
      "Asked for a refund to the original credit card, not a travel voucher.",
      "Baggage tracing shows the bag was scanned in {city} on {day}.",
      "They said the refund takes {days} business days to appear on the statement.",
      "Offered a {amount} voucher as a goodwill gesture; I declined it.",
      "Supervisor agreed the delay qualifies for compensation under the passenger rights rules.",
      "Was transferred three times before reaching the baggage desk.",
      "Boarding pass and receipts emailed to customer relations.",
    ],
    agent: [
      "I can see the booking for flight {flight}.",
      "The refund request has been submitted to our refunds team.",
      "Your bag was located in {city} and will be delivered by courier.",
      "I'm sorry for the delay, the flight was cancelled for operational reasons.",
      "I can offer you a travel credit valid for one year.",
      "Please keep your boarding pass and receipts for the claim.",
    ],
    me: [
      "I would like a refund to my original card, not a credit.",
      "Can you tell me when the bag will be delivered?",
      "The cancellation was not due to weather, so I am owed compensation.",
      "Please send me the reference number in writing.",
      "I already sent the receipts for the hotel and meals.",
    ],
    questions: [
      "When will the refund for flight {flight} be processed?",
      "Is the delay eligible for compensation under the passenger protection rules?",
      "Who pays for the hotel and meals during the delay?",
      "Can the travel credit be converted back to a refund?",
      "When will my suitcase be delivered and to which address?",
      "How do I file a claim for the damaged suitcase?",
    ],
    promises: [
      "Refund within {days} business days",
      "Courier will deliver the bag within 48 hours",
      "Customer relations will call back about compensation",
    ],
  },
  telecom: {
    suffixes: ["Telecom", "Mobile", "Wireless", "Fibre", "Internet"],
    reference: "TCK",
    titles: [
      "Internet outage since {day}",
      "Billing error on {month} invoice",
      "Roaming charges of {amount} while in {city}",
      "Cancellation fee charged after contract ended",
      "Slow internet speed, paying for gigabit",
      "Modem replacement never shipped",
      "Price increase without notice",
      "Phone number port-out blocked",
    ],
    details: [
      "The internet has been down since {day} and I work from home.",
      "The {month} bill is {amount} higher than the plan price.",
      "I was charged roaming even though I bought a travel pass.",
      "The contract ended in {month}, but they still charged the cancellation fee.",
      "Speed tests show a fraction of the speed I pay for.",
    ],
    notes: [
      "Technician visit booked for {day} between 8 and 12.",
      "Agent reset the modem remotely; the connection dropped again an hour later.",
      "They agreed to credit {amount} for the days without service.",
      "Asked to escalate to a supervisor because the outage keeps coming back.",
      "Confirmed there is a known outage in the neighbourhood.",
      "The roaming charges will be reviewed by the billing department.",
      "Said the price increase was announced by email, which I never received.",
      "Requested a written confirmation of the credit on my account.",
    ],
    agent: [
      "I can see an outage in your area, our technicians are working on it.",
      "Let me run a line test on your modem.",
      "I have applied a credit of {amount} to your next bill.",
      "The travel pass was not active on the day you were charged.",
      "I will escalate this to our technical support team.",
      "A technician can visit on {day} between 8 and 12.",
    ],
    me: [
      "The internet has been down for {days} days now.",
      "I need a credit for every day without service.",
      "Please escalate this to a supervisor.",
      "I have the confirmation email for the travel pass.",
      "Can you waive the cancellation fee?",
    ],
    questions: [
      "Will I get a credit for the days without internet?",
      "Why was the cancellation fee charged after the contract ended?",
      "Can the roaming charges be reversed?",
      "When will the technician come and is there a charge?",
      "Can I leave the contract without a fee because of the price increase?",
    ],
    promises: [
      "Technician visit on {day}",
      "Billing team will reverse the roaming charges",
      "Credit of {amount} on the next bill",
    ],
  },
  bank: {
    suffixes: ["Bank", "Credit Union", "Financial", "Trust"],
    reference: "CASE",
    titles: [
      "Disputed transaction of {amount}",
      "Card blocked while travelling in {city}",
      "Overdraft fee charged twice in {month}",
      "Wire transfer of {amount} never arrived",
      "Mortgage renewal letter arrived late",
      "Fraud alert on my credit card",
      "Account closed without notice",
    ],
    details: [
      "A charge of {amount} from a merchant I have never used appeared on {day}.",
      "The card was blocked at a hotel in {city} and I had no other way to pay.",
      "The overdraft fee was charged twice for the same day.",
      "The wire left my account on {day} but the recipient never received it.",
    ],
    notes: [
      "Filed a chargeback for the unrecognised transaction.",
      "Agent confirmed the card was blocked by the fraud system.",
      "They reversed one of the two overdraft fees, not both.",
      "Wire transfer trace requested; they need {days} business days.",
      "Asked whether the dispute affects my credit score.",
      "Branch manager said the account review is routine.",
      "Received a new card number, old card cancelled.",
      "They refused to give the reason in writing.",
    ],
    agent: [
      "For your security I need to verify a few details.",
      "I can see the transaction of {amount} on {day}.",
      "The dispute has been opened, you will receive a letter.",
      "The card was blocked because of unusual activity in {city}.",
      "I will request a trace on the wire transfer.",
    ],
    me: [
      "I did not make that purchase.",
      "I will not give you my full card number or my online banking password.",
      "Please put the decision in writing.",
      "How long does the chargeback take?",
      "Can you refund both overdraft fees?",
    ],
    questions: [
      "Will the chargeback be reported to the credit bureau?",
      "When will the disputed {amount} be credited back?",
      "Why was the account closed and can I see the decision in writing?",
      "Where is the wire transfer now?",
      "Can both overdraft fees be refunded?",
    ],
    promises: [
      "Dispute decision within {days} business days",
      "Trace result by letter",
      "Manager will call back on {day}",
    ],
  },
  insurance: {
    suffixes: ["Insurance", "Assurance", "Mutual"],
    reference: "CLM",
    titles: [
      "Water damage claim denied",
      "Car insurance premium up {percent}%",
      "Claim for stolen bicycle still pending",
      "Policy cancelled for late payment",
      "Travel insurance claim for hospital in {city}",
    ],
    details: [
      "The adjuster said the water damage was gradual, but the pipe burst on {day}.",
      "The renewal notice shows a much higher premium with no claims.",
      "The claim was filed in {month} with the police report attached.",
    ],
    notes: [
      "Adjuster will inspect the basement on {day}.",
      "They need the police report number and photos of the damage.",
      "Asked for the exact policy clause used to deny the claim.",
      "Premium increase is due to the postal code rating, not my record.",
      "Appeal submitted to the claims review committee.",
      "The ombudsman can review the claim after the final decision letter.",
    ],
    agent: [
      "Your claim is with the adjuster.",
      "The policy excludes gradual water damage.",
      "I can send you the appeal form by email.",
    ],
    me: [
      "The pipe burst suddenly, it was not gradual damage.",
      "Please send me the clause you used to deny the claim.",
      "I want to appeal the decision.",
    ],
    questions: [
      "Which clause of the policy was used to deny the claim?",
      "How do I appeal the claim decision?",
      "Why did the premium go up with no claims?",
      "When will the adjuster's report be ready?",
    ],
    promises: ["Adjuster report within {days} business days", "Appeal decision by letter"],
  },
  retail: {
    suffixes: ["Store", "Shop", "Outlet", "Market", "Electronics"],
    reference: "ORD",
    titles: [
      "Order {order} never arrived",
      "Wrong item delivered for order {order}",
      "Return refund of {amount} missing",
      "Warranty repair for laptop refused",
      "Washing machine delivered damaged",
      "Charged twice for order {order}",
    ],
    details: [
      "Tracking says delivered on {day}, but nothing was at the door.",
      "I returned the item in {month} and the refund never came.",
      "The laptop stopped charging within the warranty period.",
    ],
    notes: [
      "Courier claims the parcel was left with a neighbour.",
      "Return label emailed; drop off at the post office.",
      "Store manager agreed to replace the damaged washing machine.",
      "Refund of {amount} approved, {days} business days to the card.",
      "They say the warranty does not cover liquid damage; there was none.",
      "Asked for a replacement instead of store credit.",
    ],
    agent: [
      "I can see order {order} was shipped on {day}.",
      "I have opened an investigation with the courier.",
      "We can offer store credit or a replacement.",
      "The refund was issued to the original payment method.",
    ],
    me: [
      "The parcel was never delivered.",
      "I want a refund, not store credit.",
      "There was no liquid damage, please check again.",
    ],
    questions: [
      "Will you resend order {order} or refund it?",
      "When was the return received at the warehouse?",
      "Why is the warranty repair refused?",
      "Can you refund the duplicate charge for order {order}?",
    ],
    promises: ["Replacement ships on {day}", "Refund of {amount} within {days} business days"],
  },
  utility: {
    suffixes: ["Energy", "Hydro", "Gas", "Water", "Power"],
    reference: "ACC",
    titles: [
      "Estimated bill of {amount} far too high",
      "Disconnection notice despite payment",
      "Security deposit refund after moving",
      "Meter reading wrong since {month}",
    ],
    details: [
      "They estimated the bill instead of reading the meter.",
      "I paid on {day}, yet the disconnection notice arrived.",
      "I moved out in {month} and the deposit was never returned.",
    ],
    notes: [
      "Sent a photo of the meter with the actual reading.",
      "Agent cancelled the disconnection order.",
      "Deposit refund cheque to be mailed to the new address.",
      "They will re-bill based on the actual reading.",
      "Asked for a payment arrangement while the bill is reviewed.",
    ],
    agent: [
      "The bill was estimated because we could not access the meter.",
      "I have put a hold on the disconnection.",
      "The deposit refund is processed after the final bill.",
    ],
    me: [
      "Here is the photo of the meter reading.",
      "I paid the bill on {day}, here is the confirmation number.",
      "Please mail the deposit to my new address.",
    ],
    questions: [
      "Will the bill be corrected with the actual meter reading?",
      "Is the disconnection cancelled for sure?",
      "When will the security deposit be refunded?",
    ],
    promises: ["Corrected bill next cycle", "Deposit cheque mailed by {day}"],
  },
};

const industryNames = Object.keys(industries);

const prefixes = (
  "Northwind, Maple, Cedar, Harbour, Summit, Pioneer, Atlas, Beacon, Granite, Lakeshore, " +
  "Aurora, Evergreen, Frontier, Keystone, Meridian, Pinnacle, Riverside, Sterling, " +
  "Trillium, Vantage, Westwood, Zenith, Bluewater, Coastal, Prairie, Redwood, " +
  "Silverline, Starlight, Tidewater, Unity, Horizon, Ironwood, Juniper, Kingsway, " +
  "Lighthouse, Midland, Oakridge, Polar, Quartz, Sunrise, Thunder Bay, Upland, Valley, " +
  "Wildrose, Yukon, Compass, Falcon, Glacier, Heritage, Legacy"
).split(", ");

const cities = (
  "Toronto, Halifax, Winnipeg, Calgary, Vancouver, Montreal, Ottawa, Regina, Lisbon, " +
  "Dublin, Chicago, Boston, Mexico City, Paris, London, Reykjavik"
).split(", ");
const days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const months = (
  "January, February, March, April, May, June, July, August, September, October, " +
  "November, December"
).split(", ");
const representativeNames = (
  "Priya, Jordan, Mateo, Aisha, Liam, Sofia, Noah, Chloe, Ethan, Mei, Lucas, Amara, " +
  "Owen, Fatima, Gabriel, Hannah, Ivan, Jasmine, Kenji, Leila, Marcus, Nadia, Oscar, " +
  "Paula, Quentin, Rosa, Samir, Tara, Umar, Valerie"
).split(", ");

const generic = {
  notes: [
    "Waited {minutes} minutes on hold before anyone answered.",
    "Wrote down the representative's name and the time of the call.",
    "Did not give my date of birth; they verified me with the account number instead.",
    "They asked for a one-time code by phone, which I refused.",
    "Asked them to send everything by email so I have it in writing.",
    "The call dropped and nobody called back.",
    "Escalated to a supervisor after the first answer.",
    "Said they would note the complaint on my file.",
  ],
  questions: [
    "Can you send the reference number by email?",
    "What is the name of the department handling this?",
    "Who can I contact if there is no answer within two business days?",
    "Is there an ombudsman or regulator for this kind of complaint?",
  ],
};

export function companyNames(random: Random, count: number) {
  const seen = new Set<string>();
  const out: { name: string; domain: string; industry: string }[] = [];
  while (out.length < count) {
    const industry = random.pick(industryNames);
    const name = `${random.pick(prefixes)} ${random.pick(industries[industry]!.suffixes)}`;
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ name, industry, domain: `${name.toLowerCase().replace(/[^a-z]/g, "")}.com` });
  }
  return out;
}

function fill(random: Random, template: string) {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case "flight":
        return `${random.pick(["AC", "WS", "PD", "TS", "UA"])} ${random.int(100, 1999)}`;
      case "city":
        return random.pick(cities);
      case "day":
        return random.pick(days);
      case "month":
        return random.pick(months);
      case "amount":
        return `$${random.int(12, 2400)}.${String(random.int(0, 99)).padStart(2, "0")}`;
      case "hours":
        return String(random.int(3, 14));
      case "days":
        return String(random.int(2, 30));
      case "minutes":
        return String(random.int(5, 95));
      case "percent":
        return String(random.int(8, 45));
      case "order":
        return `#${random.int(100000, 999999)}`;
      default:
        return slot;
    }
  });
}

const sentences = (random: Random, pool: string[], min: number, max: number) =>
  random
    .sample(pool, random.int(min, max))
    .map((s) => fill(random, s))
    .join(" ");

export function caseText(random: Random, industry: string) {
  const words = industries[industry]!;
  return {
    title: fill(random, random.pick(words.titles)),
    description: random.chance(0.7) ? sentences(random, words.details, 1, 2) : null,
  };
}

export function contactText(random: Random, industry: string, withTranscript: boolean) {
  const words = industries[industry]!;
  const notes = sentences(random, [...words.notes, ...generic.notes], 1, 4);
  let transcript: string | null = null;
  if (withTranscript) {
    const lines: string[] = [];
    for (let i = random.int(6, 16); i > 0; i--) {
      lines.push(
        lines.length % 2 === 0
          ? `Agent: ${fill(random, random.pick(words.agent))}`
          : `Me: ${fill(random, random.pick(words.me))}`,
      );
    }
    transcript = lines.join("\n");
  }
  return {
    notes,
    transcript,
    referenceNumber: random.chance(0.6) ? `${words.reference}-${random.int(10000, 99999)}` : null,
    representativeName: random.chance(0.75) ? random.pick(representativeNames) : null,
    promisedFollowUp: random.chance(0.3) ? fill(random, random.pick(words.promises)) : null,
  };
}

export function questionTexts(random: Random, industry: string, count: number) {
  const words = industries[industry]!;
  return random.sample([...words.questions, ...generic.questions], count).map((q) => ({
    text: fill(random, q),
    answer: random.chance(0.3) ? sentences(random, words.notes, 1, 1) : null,
  }));
}

/** What a person would type into the dashboard's search box. */
export const benchQueries = [
  "refund",
  "internet outage",
  '"travel credit"',
  "supervisor escalate",
  "Priya",
  "chargeback credit bureau",
  "technician or adjuster",
  "disconnection notice -gas",
];
