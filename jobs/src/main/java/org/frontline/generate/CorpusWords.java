package org.frontline.generate;

import java.util.List;

/**
 * Hand-written word lists for the synthetic corpus: places with the spellings news uses, weapons with
 * models, outlets, officials and the sentences of unrelated news. All in Frontline's own words.
 */
final class CorpusWords {
  private CorpusWords() {}

  /** A place as written, its ISO 3166-2 code (or RU-xxx for Russian regions), and whether it is a region name. */
  record Place(String iso, boolean region, List<String> spellings) {}

  static final List<Place> PLACES = List.of(
      new Place("UA-30", false, List.of("Kyiv", "Kiev")),
      new Place("UA-32", true, List.of("Kyiv region", "Kyiv Oblast", "Kiev region")),
      new Place("UA-32", false, List.of("Brovary", "Bila Tserkva", "Bucha", "Irpin")),
      new Place("UA-63", true, List.of("Kharkiv region", "Kharkov region", "Kharkiv Oblast")),
      new Place("UA-63", false, List.of("Kharkiv", "Kharkov", "Kupiansk", "Izium", "Chuhuiv")),
      new Place("UA-12", true, List.of("Dnipropetrovsk region", "Dnepropetrovsk region", "Dnipropetrovsk Oblast")),
      new Place("UA-12", false, List.of("Dnipro", "Dnepr", "Kryvyi Rih", "Krivoy Rog", "Nikopol", "Pavlohrad")),
      new Place("UA-23", true, List.of("Zaporizhzhia region", "Zaporozhye region", "Zaporizhia Oblast")),
      new Place("UA-23", false, List.of("Zaporizhzhia", "Zaporozhye", "Zaporizhia")),
      new Place("UA-51", true, List.of("Odesa region", "Odessa region", "Odesa Oblast")),
      new Place("UA-51", false, List.of("Odesa", "Odessa", "Izmail", "Bilhorod-Dnistrovskyi")),
      new Place("UA-48", true, List.of("Mykolaiv region", "Nikolaev region")),
      new Place("UA-48", false, List.of("Mykolaiv", "Nikolaev", "Ochakiv")),
      new Place("UA-65", true, List.of("Kherson region", "Kherson Oblast")),
      new Place("UA-65", false, List.of("Kherson", "Beryslav")),
      new Place("UA-14", true, List.of("Donetsk region", "Donetsk Oblast")),
      new Place("UA-14", false, List.of("Kramatorsk", "Sloviansk", "Pokrovsk", "Kostiantynivka", "Druzhkivka")),
      new Place("UA-59", true, List.of("Sumy region", "Sumy Oblast")),
      new Place("UA-59", false, List.of("Sumy", "Konotop", "Shostka", "Okhtyrka")),
      new Place("UA-74", true, List.of("Chernihiv region", "Chernigov region")),
      new Place("UA-74", false, List.of("Chernihiv", "Chernigov", "Nizhyn")),
      new Place("UA-53", true, List.of("Poltava region", "Poltava Oblast")),
      new Place("UA-53", false, List.of("Poltava", "Kremenchuk", "Myrhorod")),
      new Place("UA-35", true, List.of("Kirovohrad region", "Kirovograd region")),
      new Place("UA-35", false, List.of("Kropyvnytskyi", "Kirovohrad")),
      new Place("UA-46", true, List.of("Lviv region", "Lvov region", "Lviv Oblast")),
      new Place("UA-46", false, List.of("Lviv", "Lvov", "Stryi")),
      new Place("UA-05", true, List.of("Vinnytsia region", "Vinnitsa region")),
      new Place("UA-05", false, List.of("Vinnytsia", "Vinnitsa")),
      new Place("UA-18", true, List.of("Zhytomyr region", "Zhitomir region")),
      new Place("UA-18", false, List.of("Zhytomyr", "Korosten")),
      new Place("UA-68", true, List.of("Khmelnytskyi region", "Khmelnitsky region")),
      new Place("UA-68", false, List.of("Khmelnytskyi", "Starokostiantyniv")),
      new Place("UA-56", true, List.of("Rivne region", "Rovno region")),
      new Place("UA-61", true, List.of("Ternopil region")),
      new Place("UA-26", true, List.of("Ivano-Frankivsk region")),
      new Place("UA-26", false, List.of("Ivano-Frankivsk", "Burshtyn")),
      new Place("UA-71", true, List.of("Cherkasy region", "Cherkassy region")),
      new Place("UA-71", false, List.of("Cherkasy", "Uman")),
      new Place("UA-07", true, List.of("Volyn region")),
      new Place("UA-07", false, List.of("Lutsk")),
      new Place("UA-77", true, List.of("Chernivtsi region")),
      new Place("UA-21", true, List.of("Zakarpattia region", "Transcarpathia")),
      new Place("UA-09", true, List.of("Luhansk region", "Lugansk region")),
      new Place("RU-BEL", true, List.of("Belgorod region", "Belgorod Oblast")),
      new Place("RU-BEL", false, List.of("Belgorod")),
      new Place("RU-KRS", true, List.of("Kursk region")),
      new Place("RU-BRY", true, List.of("Bryansk region")));

  /** Weapon class, models (may be empty) and the nouns a text uses for one and for many. */
  record Weapon(String kind, List<String> models, String one, String many) {}

  static final List<Weapon> WEAPONS = List.of(
      new Weapon("drone", List.of("Shahed-136", "Shahed-131", "Geran-2"), "drone", "drones"),
      new Weapon("drone", List.of(), "attack drone", "attack drones"),
      new Weapon("missile", List.of("Kh-101", "Kalibr", "Kh-22", "Kh-59"), "cruise missile", "cruise missiles"),
      new Weapon("missile", List.of("Iskander-M", "Kinzhal", "KN-23"), "ballistic missile", "ballistic missiles"),
      new Weapon("missile", List.of("S-300"), "missile", "missiles"),
      new Weapon("artillery", List.of(), "artillery shell", "artillery shells"),
      new Weapon("glide_bomb", List.of("KAB-500", "FAB-500"), "guided aerial bomb", "guided aerial bombs"),
      new Weapon("airstrike", List.of("Su-34"), "airstrike", "airstrikes"));

  static final List<String> OUTLETS = List.of("Kyiv Daily Ledger", "Eastern Front Wire", "Black Sea Courier",
      "Danube Herald", "Continental Press Agency", "Northern Review", "Carpathian Times", "Global Desk News");

  static final List<String> OFFICIALS = List.of("Oleh Marchenko", "Iryna Kovalenko", "Serhii Bondar",
      "Natalia Hrytsenko", "Andrii Melnyk", "Viktor Savchenko", "Olena Tkachuk", "Dmytro Lysenko");

  static final List<String> TARGETS = List.of("an apartment block", "a residential building", "private houses",
      "an energy facility", "a power substation", "a railway depot", "a warehouse", "a school building",
      "a grain terminal", "port infrastructure", "a shopping centre", "a hospital", "a fuel depot");

  static final String[] NUMBER_WORDS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
      "nine", "ten", "eleven", "twelve"};

  static final List<String> WEEKDAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
      "Saturday", "Sunday");

  static final List<String> VENUES = List.of("Abu Dhabi", "Istanbul", "Geneva", "Riyadh", "Vienna", "Doha");

  /** Partners, months and topics that fill the slots of the sentences below. */
  static final List<String> PARTNERS = List.of("Germany", "France", "the United States", "Poland", "Britain",
      "Turkey", "Japan", "Canada", "the Netherlands", "Sweden", "Italy", "Norway");

  static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December");

  /*
   * Sentence templates of the non-strike kinds. Slots: %1$s venue, %2$s official, %3$d a number,
   * %4$s a partner country, %5$s a month. Each article draws a few, so two articles rarely share much text.
   */
  static final List<String> DIPLOMACY = List.of(
      "Delegations from Kyiv and Moscow met in %1$s for a new round of talks mediated by %4$s.",
      "The negotiators said the talks in %1$s had focused on the exchange of %3$d prisoners.",
      "%2$s described the atmosphere in %1$s as constructive but warned that no breakthrough was near.",
      "The foreign minister told reporters that Ukraine would not accept any deal that gave away territory.",
      "Working groups are expected to meet again in %1$s before the end of %5$s.",
      "A Kremlin spokesman repeated that Moscow's demands had not changed since %5$s.",
      "Diplomats from %4$s welcomed the talks but said sanctions would stay in place for now.",
      "Analysts recalled that earlier agreements, such as the 1994 Budapest Memorandum, failed to protect Ukraine.",
      "Both sides agreed to continue consultations on the safety of nuclear power plants, %2$s said.",
      "%2$s said a memorandum of %3$d points had been handed to the mediators in %1$s.",
      "The envoy of %4$s is due to visit Kyiv in %5$s to prepare a summit.",
      "Observers in %1$s said the format of the talks could change after the next round.",
      "Human rights groups asked the negotiators to include the return of %3$d deported children.",
      "According to %2$s, the sides discussed a partial ceasefire on energy infrastructure.");

  static final List<String> ECONOMY = List.of(
      "Ukraine's central bank kept its key rate at %3$d percent, citing slowing inflation.",
      "Grain exports through the Black Sea corridor rose to %3$d million tonnes in %5$s.",
      "The finance ministry said the budget gap would be covered by loans from %4$s.",
      "The International Monetary Fund approved a tranche of %3$d million dollars, %2$s said.",
      "Electricity imports from the European Union reached %3$d megawatts on peak days in %5$s.",
      "Farmers in the south expect a sunflower harvest %3$d percent smaller than last year.",
      "The hryvnia weakened slightly against the euro on the interbank market in %5$s.",
      "A survey of %3$d companies shows that firms expect higher costs for energy and logistics.",
      "Reconstruction contracts were signed with construction firms from %4$s.",
      "%2$s, an economist, said the labour shortage had become the main brake on growth.",
      "Exports of steel fell for the %3$d-th week as the railway struggled with power cuts.",
      "A trade fair in %1$s brought together investors from %4$s and Ukrainian start-ups.",
      "The state energy company said it had imported %3$d million cubic metres of gas.",
      "Retail sales grew in %5$s as households spent more on generators and batteries.");

  static final List<String> UNRELATED = List.of(
      "The national football team won its qualifying match against %4$s after a late goal.",
      "An exhibition of %3$d contemporary paintings opened at the city museum.",
      "Forecasters expect heavy snowfall in the western mountains in %5$s.",
      "The digital ministry launched an application that %3$d thousand people downloaded in a day.",
      "Scientists published a study on the migration of storks from %4$s.",
      "The film festival in %1$s announced %3$d features in competition.",
      "Students returned to classrooms after the winter holidays, %2$s said.",
      "A popular band announced a charity tour of %3$d cities across Europe.",
      "The city council approved a new cycling lane along the embankment.",
      "A chess tournament in %1$s ended with a draw in the final round.",
      "The botanical garden reported that %3$d species of tulips would bloom in %5$s.",
      "Librarians from %4$s donated %3$d books to schools in the east.",
      "The opera house premiered a new production, directed by %2$s.",
      "Marathon organisers expect %3$d runners at the start in %5$s.");

  /** Sentences that mention weapons or attacks but report no strike. */
  static final List<String> NON_STRIKES = List.of(
      "Moscow threatened to strike government buildings in Kyiv if %4$s continued its deliveries.",
      "%4$s said it would deliver %3$d more air defence launchers to Ukraine in %5$s.",
      "Since the start of the full-scale invasion, Russia has launched more than %3$d missiles at Ukraine.",
      "The Patriot batteries promised by %4$s are expected to arrive before %5$s.",
      "%2$s warned that Russia could launch a massive missile attack in the coming days.",
      "The anniversary of the invasion was marked with a minute of silence, %2$s said.",
      "If the air defence shield is not reinforced, drones could reach the capital more easily, an expert said.",
      "Parliament debated a bill on compensation for %3$d thousand homes destroyed during the war.",
      "A museum exhibition in %1$s recalls the shelling of cities during the Second World War.",
      "Engineers from %4$s trained %3$d Ukrainian crews to operate the new systems.",
      "The defence ministry signed a contract for %3$d thousand interceptor drones.",
      "%2$s said air defence ammunition would last until %5$s at the current rate.",
      "Military experts in %1$s discussed how drones have changed the battlefield.",
      "A report by %4$s estimated that Russia produces %3$d attack drones a month.");

  /** Parts of colour sentences: combined at random they make each article's wording its own. */
  static final List<String> COLOUR_SUBJECTS = List.of("A local resident", "A volunteer", "A shop owner",
      "A teacher", "A nurse", "A retired engineer", "A taxi driver", "A student", "A priest", "A farmer",
      "A city councillor", "A firefighter");
  static final List<String> COLOUR_VERBS = List.of("told reporters", "said in a video statement",
      "wrote on social media", "recalled", "said by telephone", "told a local radio station",
      "explained to visiting journalists", "said quietly");
  static final List<String> COLOUR_CLAIMS = List.of("that the night had been the loudest in weeks",
      "that neighbours had spent hours in the basement", "that the sirens started just after midnight",
      "that the windows of the school had been replaced only last month",
      "that people were tired but determined to stay", "that the bakery opened again by noon",
      "that the queue for water stretched around the block", "that children drew pictures in the shelter",
      "that the tram lines were working again by evening", "that the market stayed closed for the day",
      "that volunteers brought tea and blankets", "that the power came back after several hours",
      "that the street had been quiet for almost a month", "that many families had already left the district");
  static final List<String> COLOUR_TIMES = List.of("shortly after dawn", "in the early hours",
      "before the curfew", "during the morning", "late in the afternoon", "around lunchtime");

  static final List<String> BOILERPLATE = List.of("Advertisement", "Add a Comment", "Leave a Reply",
      "Share this article", "Read more: Ukraine's air defence explained",
      "Sign up for our daily newsletter to get the news in your inbox",
      "By pressing the Subscribe button, you confirm that you have read our Privacy Policy and Terms of Use",
      "Follow us on Telegram", "Keep Up to Date with the Most Important News");
}
