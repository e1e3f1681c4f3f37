"""The words of an Excel bid form, in English and Swedish (internal)."""

from __future__ import annotations

LANGS: tuple[str, ...] = ("en", "sv")

#: Sheet names by language; the metadata sheet is ``lcc`` in every language.
SHEETS: dict[str, dict[str, str]] = {
    "en": {"tender": "Tender", "bid": "Bid", "lcc": "Your LCC"},
    "sv": {"tender": "Upphandling", "bid": "Anbud", "lcc": "Ert LCC"},
}
META_SHEET = "lcc"

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "form_title": "Bid form",
        "live_title": "Your LCC — preliminary and informative",
        "live_note": "Computed by formulas from your values on the sheet '{bid}' and the "
                     "buyer's values on the sheet '{tender}', as present values over the study "
                     "period. It is for your information only: the buyer's evaluation with lcc "
                     "decides (these formulas agree with it to within 1 kr).",
        "live_total": "Your LCC (preliminary)",
        "live_preliminary": "preliminary — the buyer's evaluation decides",
        "live_missing": "fill in every required value",
        "live_values": "Your values (a blank cell with a stated default takes the default)",
        "live_none": "Not computed on the form: {reason}. The buyer computes your LCC with lcc "
                     "from the values you give.",
        "live_check": "the form's formulas cannot reproduce this bid's LCC exactly (a value "
                      "that divides, such as an efficiency, or sets a time is not followed)",
        "live_item": "Cost item (present value per unit)",
        "live_sum": "Sum",
        "live_m": "Replacements",
        "live_s": "Replacement factor",
        "live_per_unit": "Per unit",
        "live_quantity": "Number of units",
        "live_lcc": "LCC",
        "live_short": "LCC (preliminary)",
        "tender_title": "Tender and evaluation method",
        "reference": "Reference",
        "tender_file": "Tender file",
        "fill_in": "Fill in the yellow cells in column D: numbers only, in the unit of column C "
                   "(no unit, no text, no formulas without a value). Every row must be "
                   "filled in, except where the tender states the value used for a blank "
                   "cell. Do not add, remove "
                   "or move rows or sheets. The buyer's parameters and the evaluation method are "
                   "on the sheet '{tender}'.",
        "col_key": "key",
        "col_what": "Value to give",
        "col_unit": "Unit",
        "col_value": "Your value",
        "col_required": "Required",
        "col_note": "Explanation",
        "yes": "yes",
        "no": "no",
        "if_blank": "if left blank: {value} (the tender's assumption)",
        "bidder": "Bidder: company name (names the bid)",
        "bidder_note": "The name of your bid as it appears in the evaluation, e.g. 'Company AB' "
                       "or 'Company AB, option 2'.",
        "at_least": "≥ {x}",
        "at_most": "≤ {x}",
        "between": "{a} to {b}",
        "whole": "a whole number",
        "one_of": "one of: {x}",
        "prompt_title": "Your value",
        "error_title": "Not accepted",
        "error_number": "Enter a number{range} in {unit}.",
        "error_plain": "Enter a number{range}.",
        "error_whole": "Enter a whole number{range}.",
        "error_choice": "Choose one of the values in the list.",
        "error_text": "Enter a text of at most 200 characters.",
        "study": "Study",
        "period": "Study period",
        "discount_real": "Discount rate (kalkylränta), real, per year",
        "discount_nominal": "Discount rate (kalkylränta), nominal, per year",
        "inflation": "General inflation per year",
        "timing": "Timing of yearly amounts",
        "base_year": "Base year (price level)",
        "currency": "Currency",
        "carbon_price": "Carbon price (CO2e)",
        "externalities": "Externalities included in the LCC",
        "timing_end": "end of each year",
        "timing_middle": "middle of each year",
        "timing_beginning": "beginning of each year",
        "timing_continuous": "continuous discounting",
        "parameters": "The buyer's parameters (the same for every bid)",
        "col_name": "Name",
        "col_value_b": "Value",
        "col_low": "Low",
        "col_high": "High",
        "col_description": "Description",
        "col_source": "Source",
        "col_origin": "From",
        "from_set": "assumption set",
        "from_set_overridden": "tender (overrides the assumption set)",
        "from_tender": "tender",
        "assumptions": "Assumption set",
        "no_assumptions": "None: every buyer value is set in the tender itself.",
        "set_name": "Name",
        "set_version": "Version",
        "set_valid_from": "Valid from",
        "set_owner": "Owner",
        "set_file": "File",
        "set_description": "Description",
        "sources": "Sources",
        "col_id": "Id",
        "col_url": "URL",
        "col_source_note": "Title and note",
        "overrides": "Departures from the assumption set (overrides)",
        "no_overrides": "None.",
        "col_path": "Value",
        "col_reason": "Reason",
        "col_changes": "Changes (assumption set)",
        "method": "Method",
        "m_lcc": "The life-cycle cost (LCC) of each bid is the sum of the present values of all "
                 "its costs over a study period of {n} years, the same for every bid (Directive "
                 "2014/24/EU art. 68; LOU 16 kap.). Costs are positive; residual values count as "
                 "negative costs. The bid with the lowest LCC is the best on cost.",
        "m_pv": "Present value: an amount paid t years after the base date counts as "
                "amount × (1 + d)^−t, where d = {d} is the {kind} discount rate (kalkylränta).",
        "m_pv_continuous": "Present value: an amount paid t years after the base date counts as "
                           "amount × e^(−d·t), where d = {d} is the {kind} discount rate, used "
                           "as a continuously compounded rate.",
        "real": "real",
        "nominal": "nominal",
        "m_timing_end": "Yearly amounts (energy, maintenance …) of year k are placed at the end "
                        "of that year (t = k); one-off amounts at their stated time.",
        "m_timing_middle": "Yearly amounts (energy, maintenance …) of year k are placed in the "
                           "middle of that year (t = k − 0.5); one-off amounts at their stated "
                           "time.",
        "m_timing_beginning": "Yearly amounts (energy, maintenance …) of year k are placed at "
                              "the beginning of that year (t = k − 1); one-off amounts at their "
                              "stated time.",
        "m_timing_continuous": "Every amount is discounted from its own time.",
        "m_real": "The analysis is real: every amount is in constant prices of the base year"
                  "{year}, excluding VAT; a price that changes faster or slower than general "
                  "inflation follows its escalation e (the amount of year k is "
                  "A × (1 + e_1) × … × (1 + e_k)).",
        "m_nominal": "The analysis is nominal: the discount rate includes general inflation "
                     "i = {i}; amounts follow general inflation and their own escalation.",
        "m_life": "A unit with a service life shorter than the study period is bought again at "
                  "the end of each life; the unit still in service at the end of the study "
                  "period leaves a residual value proportional to its remaining life, at the "
                  "price level of the last year and discounted from the end of the period.",
        "m_currency": "All amounts in {cur}, excluding VAT.",
        "m_ext_in": "Externalities (emissions at the carbon price) are included in the LCC.",
        "m_ext_out": "Emissions are reported in kg CO2e; they are not included in the LCC.",
        "m_bidder": "Each bidder gives the values on the sheet '{bid}' (the yellow cells), in "
                    "the units shown; every other value is the buyer's and the same for every "
                    "bid. The LCC is computed with the open-source library lcc (openlcc) "
                    "version {version}.",
        "items": "The cost items of every bid",
        "bidder_values": "The values each bidder gives",
        "your_value": "your value ({cell})",
        "optional_value": "your value ({cell}; optional)",
        "buyer_parameter": "the buyer's parameter {name} ({value})",
        "calculator": "Product calculator",
        "calc_inputs": "The buyer's inputs of the calculator",
        "calc_default": "calculator default",
        "col_input": "Input",
        "col_meaning": "Meaning",
        "formulas": "Formulas",
        "declared_by": "What bidders give is declared by: {origin}",
        "hidden_note": "Metadata of the bid form: lcc reads it back to check that a filled form "
                       "belongs to this tender. Do not change it.",
    },
    "sv": {
        "form_title": "Anbudsformulär",
        "live_title": "Ert LCC — preliminärt och informativt",
        "live_note": "Beräknat med formler från era värden på bladet '{bid}' och köparens "
                     "värden på bladet '{tender}', som nuvärden över kalkylperioden. Det är "
                     "endast för er information: köparens utvärdering med lcc avgör (formlerna "
                     "stämmer med den inom 1 kr).",
        "live_total": "Ert LCC (preliminärt)",
        "live_preliminary": "preliminärt — köparens utvärdering avgör",
        "live_missing": "fyll i alla obligatoriska värden",
        "live_values": "Era värden (en tom cell med angivet standardvärde får det värdet)",
        "live_none": "Beräknas inte i formuläret: {reason}. Köparen beräknar ert LCC med lcc "
                     "från de värden ni lämnar.",
        "live_check": "formulärets formler kan inte återge detta anbuds LCC exakt (ett värde "
                      "som man delar med, t.ex. en verkningsgrad, eller som anger en tid "
                      "följs inte)",
        "live_item": "Kostnadspost (nuvärde per enhet)",
        "live_sum": "Summa",
        "live_m": "Utbyten",
        "live_s": "Utbytesfaktor",
        "live_per_unit": "Per enhet",
        "live_quantity": "Antal enheter",
        "live_lcc": "LCC",
        "live_short": "LCC (preliminärt)",
        "tender_title": "Upphandling och utvärderingsmetod",
        "reference": "Diarienummer",
        "tender_file": "Upphandlingsfil",
        "fill_in": "Fyll i de gula cellerna i kolumn D: endast tal, i enheten i kolumn C "
                   "(ingen enhet, ingen text, inga formler utan värde). Varje rad måste "
                   "fyllas i, utom där upphandlingen anger värdet för en tom cell. Lägg inte "
                   "till, ta "
                   "inte bort och flytta inte rader eller blad. Köparens parametrar och "
                   "utvärderingsmetoden finns på bladet '{tender}'.",
        "col_key": "nyckel",
        "col_what": "Uppgift",
        "col_unit": "Enhet",
        "col_value": "Ert värde",
        "col_required": "Obligatorisk",
        "col_note": "Förklaring",
        "yes": "ja",
        "no": "nej",
        "if_blank": "om cellen lämnas tom: {value} (upphandlingens antagande)",
        "bidder": "Anbudsgivare: företagets namn (anbudets namn)",
        "bidder_note": "Anbudets namn som det visas i utvärderingen, t.ex. 'Företaget AB' eller "
                       "'Företaget AB, alternativ 2'.",
        "at_least": "≥ {x}",
        "at_most": "≤ {x}",
        "between": "{a} till {b}",
        "whole": "ett heltal",
        "one_of": "ett av: {x}",
        "prompt_title": "Ert värde",
        "error_title": "Godtas inte",
        "error_number": "Ange ett tal{range} i {unit}.",
        "error_plain": "Ange ett tal{range}.",
        "error_whole": "Ange ett heltal{range}.",
        "error_choice": "Välj ett av värdena i listan.",
        "error_text": "Ange en text på högst 200 tecken.",
        "study": "Kalkyl",
        "period": "Kalkylperiod",
        "discount_real": "Kalkylränta, real, per år",
        "discount_nominal": "Kalkylränta, nominell, per år",
        "inflation": "Allmän inflation per år",
        "timing": "Tidpunkt för årliga belopp",
        "base_year": "Basår (prisnivå)",
        "currency": "Valuta",
        "carbon_price": "Pris på utsläpp (CO2e)",
        "externalities": "Externa effekter ingår i LCC",
        "timing_end": "slutet av varje år",
        "timing_middle": "mitten av varje år",
        "timing_beginning": "början av varje år",
        "timing_continuous": "kontinuerlig diskontering",
        "parameters": "Köparens parametrar (samma för alla anbud)",
        "col_name": "Namn",
        "col_value_b": "Värde",
        "col_low": "Lågt",
        "col_high": "Högt",
        "col_description": "Beskrivning",
        "col_source": "Källa",
        "col_origin": "Från",
        "from_set": "antagandeuppsättning",
        "from_set_overridden": "upphandlingen (avviker från antagandeuppsättningen)",
        "from_tender": "upphandlingen",
        "assumptions": "Antagandeuppsättning",
        "no_assumptions": "Ingen: alla köparens värden anges i upphandlingen.",
        "set_name": "Namn",
        "set_version": "Version",
        "set_valid_from": "Gäller från",
        "set_owner": "Ägare",
        "set_file": "Fil",
        "set_description": "Beskrivning",
        "sources": "Källor",
        "col_id": "Id",
        "col_url": "URL",
        "col_source_note": "Titel och anmärkning",
        "overrides": "Avvikelser från antagandeuppsättningen",
        "no_overrides": "Inga.",
        "col_path": "Värde",
        "col_reason": "Skäl",
        "col_changes": "Ändringar (antagandeuppsättning)",
        "method": "Metod",
        "m_lcc": "Livscykelkostnaden (LCC) för varje anbud är summan av nuvärdena av alla dess "
                 "kostnader under en kalkylperiod på {n} år, samma för alla anbud (direktiv "
                 "2014/24/EU art. 68; LOU 16 kap.). Kostnader är positiva; restvärden räknas "
                 "som negativa kostnader. Anbudet med lägst LCC är bäst på kostnad.",
        "m_pv": "Nuvärde: ett belopp som betalas t år efter basdatum räknas som "
                "belopp × (1 + d)^−t, där d = {d} är den {kind} kalkylräntan.",
        "m_pv_continuous": "Nuvärde: ett belopp som betalas t år efter basdatum räknas som "
                           "belopp × e^(−d·t), där d = {d} är den {kind} kalkylräntan, använd "
                           "som kontinuerlig ränta.",
        "real": "reala",
        "nominal": "nominella",
        "m_timing_end": "Årliga belopp (energi, underhåll …) för år k placeras i slutet av året "
                        "(t = k); engångsbelopp vid sin angivna tidpunkt.",
        "m_timing_middle": "Årliga belopp (energi, underhåll …) för år k placeras mitt i året "
                           "(t = k − 0,5); engångsbelopp vid sin angivna tidpunkt.",
        "m_timing_beginning": "Årliga belopp (energi, underhåll …) för år k placeras i början "
                              "av året (t = k − 1); engångsbelopp vid sin angivna tidpunkt.",
        "m_timing_continuous": "Varje belopp diskonteras från sin egen tidpunkt.",
        "m_real": "Kalkylen är real: alla belopp i fasta priser för basåret{year}, exklusive "
                  "moms; ett pris som ändras snabbare eller långsammare än den allmänna "
                  "inflationen följer sin prisutveckling e (beloppet år k är "
                  "A × (1 + e_1) × … × (1 + e_k)).",
        "m_nominal": "Kalkylen är nominell: kalkylräntan inkluderar allmän inflation i = {i}; "
                     "beloppen följer den allmänna inflationen och sin egen prisutveckling.",
        "m_life": "En enhet med kortare livslängd än kalkylperioden köps på nytt vid slutet av "
                  "varje livslängd; enheten som är i drift vid kalkylperiodens slut lämnar ett "
                  "restvärde i proportion till sin återstående livslängd, i det sista årets "
                  "prisnivå och diskonterat från periodens slut.",
        "m_currency": "Alla belopp i {cur}, exklusive moms.",
        "m_ext_in": "Externa effekter (utsläpp till priset på utsläpp) ingår i LCC.",
        "m_ext_out": "Utsläpp redovisas i kg CO2e; de ingår inte i LCC.",
        "m_bidder": "Varje anbudsgivare lämnar värdena på bladet '{bid}' (de gula cellerna), i "
                    "de enheter som anges; alla andra värden är köparens och samma för alla "
                    "anbud. LCC beräknas med det öppna biblioteket lcc (openlcc) version "
                    "{version}.",
        "items": "Kostnadsposterna i varje anbud",
        "bidder_values": "Värden som varje anbudsgivare lämnar",
        "your_value": "ert värde ({cell})",
        "optional_value": "ert värde ({cell}; frivilligt)",
        "buyer_parameter": "köparens parameter {name} ({value})",
        "calculator": "Produktkalkyl",
        "calc_inputs": "Köparens indata till kalkylen",
        "calc_default": "kalkylens standardvärde",
        "col_input": "Indata",
        "col_meaning": "Betydelse",
        "formulas": "Formler",
        "declared_by": "Vad anbudsgivarna lämnar anges av: {origin}",
        "hidden_note": "Anbudsformulärets metadata: lcc läser dem för att kontrollera att ett "
                       "ifyllt formulär hör till denna upphandling. Ändra inte.",
    },
}

#: The item types in words.
TYPE_WORDS: dict[str, dict[str, str]] = {
    "en": {"Investment": "Investment", "Replacement": "Replacement",
           "OneOff": "One-off cost", "Periodic": "Periodic cost", "Recurring": "Annual cost",
           "Energy": "Energy", "Water": "Water", "Emission": "Emissions",
           "Residual": "Residual value", "Disposal": "Disposal"},
    "sv": {"Investment": "Investering", "Replacement": "Utbyte",
           "OneOff": "Engångskostnad", "Periodic": "Periodisk kostnad",
           "Recurring": "Årlig kostnad", "Energy": "Energi", "Water": "Vatten",
           "Emission": "Utsläpp", "Residual": "Restvärde", "Disposal": "Bortskaffande"},
}

#: How each item type enters the LCC.
TYPE_METHOD: dict[str, dict[str, str]] = {
    "en": {
        "Investment": "paid when the unit enters service; bought again at the end of each "
                      "service life within the study period; the unit in service at the end "
                      "leaves a linear residual value",
        "Replacement": "a component replaced at each interval within the study period; the "
                       "last one leaves a linear residual value",
        "OneOff": "paid once, at its time",
        "Periodic": "paid at each interval",
        "Recurring": "paid every year of service",
        "Energy": "energy per year (given, or power × operating hours, or distance × "
                  "consumption) × energy price, every year of service",
        "Water": "volume per year × water price, every year of service",
        "Emission": "mass per year × price per kg, every year of service (externality)",
        "Residual": "a value recovered at its time (default: the end of the study period), "
                    "counted as a negative cost",
        "Disposal": "a cost at its time (default: the end of the study period)",
    },
    "sv": {
        "Investment": "betalas när enheten tas i drift; köps på nytt vid slutet av varje "
                      "livslängd inom kalkylperioden; enheten i drift vid periodens slut "
                      "lämnar ett linjärt restvärde",
        "Replacement": "en komponent som byts vid varje intervall inom kalkylperioden; den "
                       "sista lämnar ett linjärt restvärde",
        "OneOff": "betalas en gång, vid sin tidpunkt",
        "Periodic": "betalas vid varje intervall",
        "Recurring": "betalas varje år i drift",
        "Energy": "energi per år (angiven, eller effekt × drifttid, eller sträcka × "
                  "förbrukning) × energipris, varje år i drift",
        "Water": "volym per år × vattenpris, varje år i drift",
        "Emission": "massa per år × pris per kg, varje år i drift (extern effekt)",
        "Residual": "ett värde som återvinns vid sin tidpunkt (normalt kalkylperiodens slut), "
                    "räknat som en negativ kostnad",
        "Disposal": "en kostnad vid sin tidpunkt (normalt kalkylperiodens slut)",
    },
}

#: The fields of the items (and of an alternative) in words.
FIELD_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "Investment.amount": "price per unit incl. delivery and installation, excl. VAT",
        "Investment.life": "service life",
        "Investment.disposal": "disposal cost per replaced unit",
        "Investment.at": "year of purchase",
        "Replacement.amount": "cost per replacement",
        "Replacement.every": "replacement interval",
        "Replacement.disposal": "disposal cost per replaced component",
        "OneOff.amount": "cost",
        "OneOff.at": "year",
        "Periodic.amount": "cost per occasion",
        "Periodic.every": "interval",
        "Periodic.first": "first occasion",
        "Periodic.last": "last occasion",
        "Recurring.amount_per_year": "cost per year",
        "Recurring.start": "first year",
        "Recurring.end": "last year",
        "Energy.annual": "energy use per year",
        "Energy.power": "power",
        "Energy.hours": "operating hours per year",
        "Energy.distance": "distance per year",
        "Energy.consumption": "consumption per distance",
        "Energy.price": "energy price",
        "Energy.emission_factor": "emissions per unit of energy",
        "Water.annual": "water use per year",
        "Water.price": "water price",
        "Emission.annual": "emissions per year",
        "Emission.intensity": "emissions per distance",
        "Emission.distance": "distance per year",
        "Emission.price": "price per kg",
        "Emission.pollutant": "pollutant",
        "Residual.amount": "residual value",
        "Residual.at": "year",
        "Disposal.amount": "disposal cost",
        "Disposal.at": "year",
        "escalation": "real price change per year",
        "category": "cost category",
        "label": "label",
        "quantity": "Number of units",
        "life": "Service life of the bid",
        "start": "Years from the base date until service starts",
    },
    "sv": {
        "Investment.amount": "pris per enhet inkl. leverans och installation, exkl. moms",
        "Investment.life": "livslängd",
        "Investment.disposal": "kostnad för bortskaffande per utbytt enhet",
        "Investment.at": "år för köp",
        "Replacement.amount": "kostnad per utbyte",
        "Replacement.every": "utbytesintervall",
        "Replacement.disposal": "kostnad för bortskaffande per utbytt komponent",
        "OneOff.amount": "kostnad",
        "OneOff.at": "år",
        "Periodic.amount": "kostnad per tillfälle",
        "Periodic.every": "intervall",
        "Periodic.first": "första tillfället",
        "Periodic.last": "sista tillfället",
        "Recurring.amount_per_year": "kostnad per år",
        "Recurring.start": "första året",
        "Recurring.end": "sista året",
        "Energy.annual": "energianvändning per år",
        "Energy.power": "effekt",
        "Energy.hours": "drifttid per år",
        "Energy.distance": "sträcka per år",
        "Energy.consumption": "förbrukning per sträcka",
        "Energy.price": "energipris",
        "Energy.emission_factor": "utsläpp per energienhet",
        "Water.annual": "vattenanvändning per år",
        "Water.price": "vattenpris",
        "Emission.annual": "utsläpp per år",
        "Emission.intensity": "utsläpp per sträcka",
        "Emission.distance": "sträcka per år",
        "Emission.price": "pris per kg",
        "Emission.pollutant": "ämne",
        "Residual.amount": "restvärde",
        "Residual.at": "år",
        "Disposal.amount": "kostnad för bortskaffande",
        "Disposal.at": "år",
        "escalation": "real prisförändring per år",
        "category": "kostnadskategori",
        "label": "benämning",
        "quantity": "Antal enheter",
        "life": "Anbudets livslängd",
        "start": "År från basdatum till driftstart",
    },
}


def field_words(lang: str, item_type: str | None, name: str) -> str:
    """A field of an item (or of the alternative, ``item_type`` None) in words."""
    words = FIELD_WORDS[lang]
    if item_type is not None and f"{item_type}.{name}" in words:
        return words[f"{item_type}.{name}"]
    return words.get(name, name.replace("_", " "))
