"""Curated tables + pycountry -> analysis/lexicons/actors.json (the actor gazetteer).

Run when the tables change; the JSON is committed, so the runtime (analysis/actors/)
never needs pycountry or this script, which is not part of the installed package:

    python tools/build_actors.py            # rewrite analysis/lexicons/actors.json
    python tools/build_actors.py --check    # exit 1 if actors.json is stale

Every entry has the same keys (see FIELDS). The tables below are general knowledge
(states, intergovernmental organisations, their organs); nothing here is tuned to a
particular source document. The build refuses a surface form claimed by two entries.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "analysis" / "lexicons" / "actors.json"

FIELDS = (
    "name", "kind", "status", "iso3", "parent", "speaks_for_parent",
    "aliases", "acronyms", "adjectives", "demonyms", "ethnonyms", "capitals", "metonyms",
    "context_aliases", "exclusions", "name_risk", "caps_risk", "members",
)
"""Keys of every entry, in output order.

- kind: state | de-facto-state | sub-state | historical | organisation | organ
- status: member | observer | non-member (UN membership of states); defunct (organisations)
- aliases / acronyms: other names; acronyms are matched case-sensitively
- adjectives / demonyms: resolve to the entry ("Swedish", "Swedes")
- ethnonyms: ethnic-group words that are NOT the state ("Serbs"); never resolved
- capitals: capital cities used as metonyms ("Belgrade" -> Serbia)
- metonyms: other metonyms ("Kremlin" -> Russia, "Brussels" -> European Union)
- context_aliases: weak names resolved only when the document context picks this
  entry ("the Council"); a leading "the " means the article is required
- exclusions: longer phrases containing one of the surfaces in which it does NOT
  refer to the entry ("Northern Ireland" for Ireland); they yield no mention
- name_risk: surfaces that are also person names ("Jordan"); dropped after a
  capitalised non-title word ("Michael Jordan")
- caps_risk: acronyms that are also English words ("WHO"); dropped inside ALL-CAPS runs
- members: the member states of a small fixed group ("E3"), so that a joint letter of all
  of them speaks for the group; empty elsewhere
"""

# --------------------------------------------------------------------------------------
# UN membership (ISO 3166-1 alpha-3). 193 members; the Holy See and Palestine observe.
UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH
BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB
CYP CZE PRK DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU
GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ
KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS
MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW
PAN PNG PRY PER PHL POL PRT QAT KOR ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC
SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO
TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split()
UN_OBSERVERS = ["VAT", "PSE"]

# --------------------------------------------------------------------------------------
# States. Columns (" | "), lists separated by "; ":
# iso3 | canonical | aliases | adjectives | demonyms | ethnonyms | capitals | metonyms | exclusions
# Acronyms among the aliases are detected (all capitals, dots allowed) and moved to
# "acronyms". pycountry's name, official name and common name are added as aliases.
STATES = r"""
AFG | Afghanistan | Islamic Emirate of Afghanistan | Afghan | Afghans | | Kabul | |
ALB | Albania | | Albanian | | Albanians | Tirana; Tiranë | |
DZA | Algeria | | Algerian | Algerians | | Algiers | |
AND | Andorra | | Andorran | Andorrans | | Andorra la Vella | |
AGO | Angola | | Angolan | Angolans | | Luanda | |
ATG | Antigua and Barbuda | Antigua & Barbuda | Antiguan; Barbudan | Antiguans | | | |
ARG | Argentina | | Argentine; Argentinian; Argentinean | Argentines; Argentinians | | Buenos Aires | Casa Rosada |
ARM | Armenia | | Armenian | | Armenians | Yerevan; Erevan | |
AUS | Australia | Commonwealth of Australia | Australian | Australians | | Canberra | |
AUT | Austria | | Austrian | Austrians | | Vienna | |
AZE | Azerbaijan | | Azerbaijani; Azeri | Azerbaijanis | Azeris | Baku | |
BHS | Bahamas | The Bahamas; Commonwealth of The Bahamas | Bahamian | Bahamians | | Nassau | |
BHR | Bahrain | | Bahraini | Bahrainis | | Manama | |
BGD | Bangladesh | | Bangladeshi | Bangladeshis | | Dhaka; Dacca | |
BRB | Barbados | | Barbadian; Bajan | Barbadians | | Bridgetown | |
BLR | Belarus | Byelorussia; Belorussia; Republic of Belarus | Belarusian; Belarussian; Byelorussian | Belarusians | | Minsk | |
BEL | Belgium | | Belgian | Belgians | | | |
BLZ | Belize | | Belizean | Belizeans | | Belmopan | |
BEN | Benin | | Beninese; Beninois | | | Porto-Novo; Cotonou | |
BTN | Bhutan | | Bhutanese | | | Thimphu | |
BOL | Bolivia | Republic of Bolivia | Bolivian | Bolivians | | La Paz | |
BIH | Bosnia and Herzegovina | Bosnia and Hercegovina; Bosnia-Herzegovina; Bosnia-Hercegovina; Bosnia & Herzegovina; Bosnia; BiH; B&H | Bosnian | Bosnians | Bosniaks; Bosniak | Sarajevo | | Bosnian Croat; Bosnian Croats
BWA | Botswana | | Botswanan; Motswana | Batswana | | Gaborone | |
BRA | Brazil | | Brazilian | Brazilians | | Brasília; Brasilia | |
BRN | Brunei | Nation of Brunei | Bruneian | Bruneians | | Bandar Seri Begawan | |
BGR | Bulgaria | | Bulgarian | Bulgarians | | | |
BFA | Burkina Faso | Upper Volta | Burkinabé; Burkinabe | | | Ouagadougou | |
BDI | Burundi | | Burundian | Burundians | | Gitega; Bujumbura | |
CPV | Cabo Verde | Cape Verde | Cabo Verdean; Cape Verdean | Cabo Verdeans; Cape Verdeans | | Praia | |
KHM | Cambodia | Kampuchea | Cambodian | Cambodians | Khmer | Phnom Penh | |
CMR | Cameroon | | Cameroonian | Cameroonians | | Yaoundé; Yaounde | |
CAN | Canada | | Canadian | Canadians | | Ottawa | |
CAF | Central African Republic | CAR | | | | Bangui | |
TCD | Chad | | Chadian | Chadians | | N'Djamena; Ndjamena; N'Djaména | | Lake Chad
CHL | Chile | | Chilean | Chileans | | Santiago | | Santiago de Compostela; Santiago de Cuba
CHN | China | PRC; P.R.C.; Mainland China | Chinese; Sino | | | Beijing; Peking | Zhongnanhai | South China Sea; East China Sea
COL | Colombia | | Colombian | Colombians | | Bogotá; Bogota | |
COM | Comoros | The Comoros | Comorian | Comorians | | Moroni | |
COG | Republic of the Congo | Congo; Republic of Congo; Congo-Brazzaville; Congo Republic | | | | Brazzaville | | Congo River; Congo Basin; River Congo
COD | Democratic Republic of the Congo | Democratic Republic of Congo; DR Congo; D.R. Congo; DR of Congo; Congo-Kinshasa; Zaire; DRC; D.R.C. | | | | Kinshasa | |
CRI | Costa Rica | | Costa Rican | Costa Ricans | | San José; San Jose | |
CIV | Côte d'Ivoire | Cote d'Ivoire; Côte D'Ivoire; Ivory Coast; Republic of Cote d'Ivoire | Ivorian | Ivorians | | Yamoussoukro; Abidjan | |
HRV | Croatia | | Croatian | Croatians | Croats; Croat | Zagreb | |
CUB | Cuba | | Cuban | Cubans | | Havana | |
CYP | Cyprus | | Cypriot; Greek Cypriot | Cypriots; Greek Cypriots | | Nicosia | |
CZE | Czech Republic | Czechia | Czech | Czechs | | Prague | |
PRK | North Korea | DPRK; D.P.R.K. | North Korean | North Koreans | | Pyongyang | |
DNK | Denmark | | Danish | Danes | | Copenhagen | |
DJI | Djibouti | | Djiboutian | Djiboutians | | | |
DMA | Dominica | | | | | Roseau | |
DOM | Dominican Republic | | Dominican | Dominicans | | Santo Domingo | |
ECU | Ecuador | | Ecuadorian; Ecuadorean | Ecuadorians | | Quito | |
EGY | Egypt | | Egyptian | Egyptians | | Cairo | |
SLV | El Salvador | | Salvadoran; Salvadorean | Salvadorans | | San Salvador | |
GNQ | Equatorial Guinea | | Equatorial Guinean; Equatoguinean | | | Malabo | |
ERI | Eritrea | | Eritrean | Eritreans | | Asmara | |
EST | Estonia | | Estonian | Estonians | | Tallinn | |
SWZ | Eswatini | Swaziland; Kingdom of Swaziland | Swazi | Swazis | | Mbabane; Lobamba | |
ETH | Ethiopia | | Ethiopian | Ethiopians | | Addis Ababa | |
FJI | Fiji | | Fijian | Fijians | | Suva | |
FIN | Finland | | Finnish | Finns | | Helsinki | |
FRA | France | | French | | | Paris | Élysée; Elysée; Elysee; Élysée Palace; Elysee Palace; Quai d'Orsay | French Polynesia; French Guiana; French Southern Territories
GAB | Gabon | | Gabonese | | | Libreville | |
GMB | Gambia | The Gambia; Republic of The Gambia | Gambian | Gambians | | Banjul | |
GEO | Georgia | Republic of Georgia; Sakartvelo | Georgian | Georgians | | Tbilisi; Tiflis | | Atlanta, Georgia; Savannah, Georgia; University of Georgia; Georgia Tech; South Georgia; Georgia State University
DEU | Germany | | German | Germans | | Berlin | Bundestag |
GHA | Ghana | | Ghanaian | Ghanaians | | Accra | |
GRC | Greece | | Greek; Hellenic | Greeks | | Athens | |
GRD | Grenada | | Grenadian | Grenadians | | | |
GTM | Guatemala | | Guatemalan | Guatemalans | | Guatemala City | |
GIN | Guinea | Guinea-Conakry | Guinean | Guineans | | Conakry | | Gulf of Guinea; New Guinea
GNB | Guinea-Bissau | | Bissau-Guinean | Bissau-Guineans | | Bissau | |
GUY | Guyana | Co-operative Republic of Guyana; Cooperative Republic of Guyana | Guyanese | | | | |
HTI | Haiti | | Haitian | Haitians | | Port-au-Prince | |
HND | Honduras | | Honduran | Hondurans | | Tegucigalpa | |
HUN | Hungary | | Hungarian | Hungarians | | Budapest | |
ISL | Iceland | | Icelandic | Icelanders | | Reykjavík; Reykjavik | |
IND | India | Bharat | Indian | Indians | | New Delhi | | Indian Ocean; American Indian; American Indians; West Indian; West Indians; British Indian Ocean Territory
IDN | Indonesia | | Indonesian | Indonesians | | Jakarta | |
IRN | Iran | Persia | Iranian | Iranians | | Tehran; Teheran | |
IRQ | Iraq | | Iraqi | Iraqis | | Baghdad | |
IRL | Ireland | Republic of Ireland; Éire; Eire | Irish | | | Dublin | | Northern Ireland; Northern Irish
ISR | Israel | | Israeli | Israelis | | | Knesset |
ITA | Italy | | Italian | Italians | | Rome | |
JAM | Jamaica | | Jamaican | Jamaicans | | Kingston | |
JPN | Japan | | Japanese | | | Tokyo | |
JOR | Jordan | | Jordanian | Jordanians | | Amman | |
KAZ | Kazakhstan | | Kazakhstani; Kazakh | Kazakhstanis | Kazakhs | Astana; Nur-Sultan | |
KEN | Kenya | | Kenyan | Kenyans | | Nairobi | |
KIR | Kiribati | | I-Kiribati | | | Tarawa; South Tarawa | |
KWT | Kuwait | | Kuwaiti | Kuwaitis | | Kuwait City | |
KGZ | Kyrgyzstan | Kirghizia; Kirgizia | Kyrgyzstani; Kyrgyz | Kyrgyzstanis | | Bishkek | |
LAO | Laos | Lao PDR | Lao; Laotian | Laotians | | Vientiane | |
LVA | Latvia | | Latvian | Latvians | | Riga | |
LBN | Lebanon | | Lebanese | | | Beirut | |
LSO | Lesotho | | Basotho; Mosotho | | | Maseru | |
LBR | Liberia | | Liberian | Liberians | | Monrovia | |
LBY | Libya | State of Libya; Libyan Arab Jamahiriya; Great Socialist People's Libyan Arab Jamahiriya | Libyan | Libyans | | Tripoli | |
LIE | Liechtenstein | | Liechtensteiner | Liechtensteiners | | Vaduz | |
LTU | Lithuania | | Lithuanian | Lithuanians | | Vilnius | |
LUX | Luxembourg | | Luxembourgish; Luxembourgian | Luxembourgers | | | |
MDG | Madagascar | | Malagasy | | | Antananarivo | |
MWI | Malawi | | Malawian | Malawians | | Lilongwe | |
MYS | Malaysia | | Malaysian | Malaysians | Malays | Kuala Lumpur; Putrajaya | |
MDV | Maldives | Republic of the Maldives; The Maldives | Maldivian | Maldivians | | Malé | |
MLI | Mali | | Malian | Malians | | Bamako | |
MLT | Malta | | Maltese | | | Valletta | | Order of Malta; Sovereign Military Order of Malta
MHL | Marshall Islands | | Marshallese | | | Majuro | |
MRT | Mauritania | | Mauritanian | Mauritanians | | Nouakchott | |
MUS | Mauritius | | Mauritian | Mauritians | | Port Louis | |
MEX | Mexico | | Mexican | Mexicans | | Mexico City | | New Mexico; New Mexican; Gulf of Mexico
FSM | Micronesia | | Micronesian | | | Palikir | |
MDA | Moldova | Moldavia | Moldovan; Moldavian | Moldovans | | Chișinău; Chişinău; Chisinau; Kishinev | |
MCO | Monaco | | Monegasque; Monacan | | | | |
MNG | Mongolia | | Mongolian | Mongolians | Mongols | Ulaanbaatar; Ulan Bator | | Inner Mongolia; Inner Mongolian
MNE | Montenegro | | Montenegrin | Montenegrins | | Podgorica | |
MAR | Morocco | | Moroccan | Moroccans | | Rabat | |
MOZ | Mozambique | | Mozambican | Mozambicans | | Maputo | |
MMR | Myanmar | Republic of the Union of Myanmar; Burma | Burmese | | | Naypyidaw; Nay Pyi Taw; Naypyitaw | |
NAM | Namibia | | Namibian | Namibians | | Windhoek | |
NRU | Nauru | | Nauruan | | | Yaren | |
NPL | Nepal | | Nepalese; Nepali | | | Kathmandu | |
NLD | Netherlands | The Netherlands; Holland | Dutch | | | Amsterdam | |
NZL | New Zealand | Aotearoa | | New Zealanders | | Wellington | |
NIC | Nicaragua | | Nicaraguan | Nicaraguans | | Managua | |
NER | Niger | Republic of Niger | Nigerien | Nigeriens | | Niamey | | Niger Delta; Niger River; River Niger
NGA | Nigeria | | Nigerian | Nigerians | | Abuja | |
MKD | North Macedonia | Macedonia; Republic of Macedonia; former Yugoslav Republic of Macedonia; Former Yugoslav Republic of Macedonia; FYROM; FYR Macedonia; FYR of Macedonia | North Macedonian; Macedonian | | Macedonians | Skopje | | Greek Macedonia
NOR | Norway | | Norwegian | Norwegians | | Oslo | Storting |
OMN | Oman | | Omani | Omanis | | Muscat | |
PAK | Pakistan | | Pakistani | Pakistanis | | Islamabad | |
PLW | Palau | | Palauan | | | Ngerulmud | |
PAN | Panama | | Panamanian | Panamanians | | Panama City | | Panama Canal; Panama Papers
PNG | Papua New Guinea | PNG | Papua New Guinean | Papua New Guineans | | Port Moresby | |
PRY | Paraguay | | Paraguayan | Paraguayans | | Asunción; Asuncion | |
PER | Peru | | Peruvian | Peruvians | | Lima | |
PHL | Philippines | The Philippines | Philippine; Filipino | Filipinos | | Manila | |
POL | Poland | | Polish | Poles | | Warsaw | Sejm |
PRT | Portugal | | Portuguese | | | Lisbon | |
QAT | Qatar | | Qatari | Qataris | | Doha | |
KOR | South Korea | Republic of Korea; ROK | South Korean | South Koreans | | Seoul | |
ROU | Romania | | Romanian | Romanians | | Bucharest | |
RUS | Russia | | Russian | Russians | | Moscow | Kremlin; State Duma |
RWA | Rwanda | Republic of Rwanda | Rwandan; Rwandese | Rwandans | | Kigali | |
KNA | Saint Kitts and Nevis | St Kitts and Nevis; St. Kitts and Nevis; Federation of Saint Kitts and Nevis | Kittitian; Nevisian | | | Basseterre | |
LCA | Saint Lucia | St Lucia; St. Lucia | Saint Lucian; St Lucian | | | Castries | |
VCT | Saint Vincent and the Grenadines | St Vincent and the Grenadines; St. Vincent and the Grenadines | Vincentian | | | Kingstown | |
WSM | Samoa | Western Samoa | Samoan | Samoans | | Apia | | American Samoa
SMR | San Marino | | Sammarinese | | | | |
STP | Sao Tome and Principe | São Tomé and Príncipe; Democratic Republic of São Tomé and Príncipe | Santomean; São Toméan | | | São Tomé; Sao Tome | |
SAU | Saudi Arabia | | Saudi; Saudi Arabian | Saudis | | Riyadh | |
SEN | Senegal | | Senegalese | | | Dakar | |
SRB | Serbia | | Serbian | Serbians | Serbs; Serb | Belgrade; Beograd | |
SYC | Seychelles | The Seychelles | Seychellois | | | | |
SLE | Sierra Leone | | Sierra Leonean | Sierra Leoneans | | Freetown | |
SGP | Singapore | | Singaporean | Singaporeans | | | |
SVK | Slovakia | | Slovak; Slovakian | Slovaks | | Bratislava | |
SVN | Slovenia | | Slovenian; Slovene | Slovenians; Slovenes | | Ljubljana | |
SLB | Solomon Islands | | Solomon Islander | Solomon Islanders | | Honiara | |
SOM | Somalia | | Somali; Somalian | | Somalis | Mogadishu | |
ZAF | South Africa | | South African | South Africans | | Pretoria; Tshwane | |
SSD | South Sudan | | South Sudanese | | | Juba | |
ESP | Spain | | Spanish | Spaniards | | Madrid | |
LKA | Sri Lanka | Ceylon | Sri Lankan | Sri Lankans | | Colombo; Sri Jayawardenepura Kotte | |
SDN | Sudan | The Sudan | Sudanese | | | Khartoum | |
SUR | Suriname | Surinam | Surinamese | | | Paramaribo | |
SWE | Sweden | | Swedish | Swedes | | Stockholm | Riksdag |
CHE | Switzerland | | Swiss | | | Bern; Berne | |
SYR | Syria | | Syrian | Syrians | | Damascus | |
TJK | Tajikistan | | Tajikistani; Tajik | Tajikistanis | Tajiks | Dushanbe | |
TZA | Tanzania | | Tanzanian | Tanzanians | | Dodoma; Dar es Salaam | |
THA | Thailand | Siam | Thai | | | Bangkok | |
TLS | Timor-Leste | East Timor | Timorese; East Timorese | | | Dili | | West Timor
TGO | Togo | | Togolese | | | Lomé; Lome | |
TON | Tonga | | Tongan | Tongans | | Nuku'alofa; Nukuʻalofa | |
TTO | Trinidad and Tobago | Trinidad & Tobago | Trinidadian; Tobagonian | Trinidadians | | Port of Spain; Port-of-Spain | |
TUN | Tunisia | | Tunisian | Tunisians | | Tunis | |
TUR | Turkey | Türkiye; Turkiye; Republic of Turkey; Republic of Turkiye | Turkish | Turks | | Ankara | | Turks and Caicos; Turks and Caicos Islands
TKM | Turkmenistan | | Turkmenistani; Turkmen | | Turkmens | Ashgabat; Ashkhabad | |
TUV | Tuvalu | | Tuvaluan | | | Funafuti | |
UGA | Uganda | | Ugandan | Ugandans | | Kampala | |
UKR | Ukraine | The Ukraine | Ukrainian | Ukrainians | | Kyiv; Kiev | Verkhovna Rada |
ARE | United Arab Emirates | UAE; U.A.E. | Emirati | Emiratis | | Abu Dhabi | |
GBR | United Kingdom | UK; U.K.; Britain; Great Britain | British | Britons; Brits | | London | Downing Street; Whitehall; Foreign and Commonwealth Office; Foreign, Commonwealth and Development Office; FCO; FCDO | British Columbia; British Virgin Islands; British Indian Ocean Territory; British Antarctic Territory
USA | United States | USA; U.S.A.; US; U.S.; America | American | Americans | | Washington; Washington, D.C.; Washington DC; Washington D.C. | White House; Pentagon; State Department; Capitol Hill | Latin America; Latin American; Latin Americans; South America; South American; South Americans; North America; North American; North Americans; Central America; Central American; Central Americans; Native American; Native Americans; African American; African Americans; Inter-American; Pan-American; American Samoa; American Indian; George Washington; Washington Post; Washington Times; Washington State; University of Washington; Bank of America; US$; U.S.$
URY | Uruguay | Oriental Republic of Uruguay | Uruguayan | Uruguayans | | Montevideo | |
UZB | Uzbekistan | | Uzbekistani; Uzbek | Uzbekistanis | Uzbeks | Tashkent | |
VUT | Vanuatu | | Vanuatuan; ni-Vanuatu | | | Port Vila | |
VEN | Venezuela | | Venezuelan | Venezuelans | | Caracas | |
VNM | Vietnam | Viet Nam; Socialist Republic of Vietnam | Vietnamese | | | Hanoi; Ha Noi | |
YEM | Yemen | | Yemeni | Yemenis | | Sanaa; Sana'a | |
ZMB | Zambia | | Zambian | Zambians | | Lusaka | |
ZWE | Zimbabwe | | Zimbabwean | Zimbabweans | | Harare | |
VAT | Holy See | Vatican; Vatican City; Vatican City State; Holy See (Vatican City State); Apostolic See | | | | | |
PSE | Palestine | State of Palestine; Palestine, State of; Palestinian Authority; Palestinian National Authority; Palestine Liberation Organization; Palestine Liberation Organisation; PLO | Palestinian | Palestinians | | | Ramallah |
COK | Cook Islands | | | Cook Islanders | | Avarua | |
NIU | Niue | | Niuean | | | Alofi | |
"""

DE_FACTO = r"""
XKX | Kosovo | Republic of Kosovo; Kosova; Kosovë; Republika e Kosovës | Kosovar; Kosovan; Kosovo Albanian; Kosovar Albanian | Kosovars; Kosovans; Kosovo Albanians; Kosovar Albanians | | Pristina; Prishtina; Prishtinë; Priština; Prishtine | | Kosovo Serb; Kosovo Serbs
TWN | Taiwan | Republic of China; ROC; Republic of China (Taiwan); Chinese Taipei | Taiwanese | | | Taipei | |
ESH | Sahrawi Arab Democratic Republic | Western Sahara; SADR; Sahrawi Republic; Saharawi Arab Democratic Republic; Saharawi Republic; Polisario Front; Polisario; Frente Polisario | Sahrawi; Saharawi | Sahrawis; Saharawis | | | |
- | Northern Cyprus | Turkish Republic of Northern Cyprus; TRNC; North Cyprus | Turkish Cypriot | Turkish Cypriots | | North Nicosia; Lefkoşa; Lefkosa | |
- | Abkhazia | Republic of Abkhazia; Apsny | Abkhaz; Abkhazian | | Abkhazians | Sukhumi; Sukhum; Sokhumi | |
- | South Ossetia | Republic of South Ossetia; South Ossetia-Alania; Republic of South Ossetia-the State of Alania; Tskhinvali Region | South Ossetian | South Ossetians | Ossetians; Ossetian | Tskhinvali; Tskhinval | |
- | Transnistria | Pridnestrovian Moldavian Republic; Pridnestrovie; Pridnestrovia; Transdniestria; Transdniester; Trans-Dniester; Transdnistria; Transnistrian Moldavian Republic; PMR | Transnistrian; Pridnestrovian; Transdniestrian | Transnistrians | | Tiraspol | |
- | Nagorno-Karabakh | Republic of Artsakh; Artsakh; Nagorno-Karabakh Republic; Nagorny Karabakh; Nagorno Karabakh; Mountainous Karabakh; NKR | Karabakh Armenian; Artsakhi | Karabakh Armenians | | Stepanakert; Khankendi | |
- | Somaliland | Republic of Somaliland | Somalilander | Somalilanders | | Hargeisa | |
- | Donetsk People's Republic | DPR; DNR | | | | | |
- | Luhansk People's Republic | Lugansk People's Republic; LPR; LNR | | | | | |
"""

SUB_STATES = r"""
BIH | Republika Srpska | Serb Republic | Bosnian Serb | Bosnian Serbs | | Banja Luka | |
BIH | Federation of Bosnia and Herzegovina | FBiH | | | | | |
IRQ | Kurdistan Region | Kurdistan Regional Government; KRG; Iraqi Kurdistan; Kurdistan Region of Iraq | | | | Erbil | |
"""
"""Constituent entities that act in international politics; parent is the state (iso3 column)."""

HISTORICAL = r"""
SUN | Soviet Union | Union of Soviet Socialist Republics; USSR; U.S.S.R. | Soviet | Soviets | | | |
YUG | Yugoslavia | Socialist Federal Republic of Yugoslavia; SFRY; SFRJ; Kingdom of Yugoslavia; former Yugoslavia | Yugoslav; Yugoslavian | Yugoslavs | | | |
SCG | State Union of Serbia and Montenegro | Federal Republic of Yugoslavia; FRY | | | | | |
CSK | Czechoslovakia | Czechoslovak Socialist Republic; Czech and Slovak Federative Republic | Czechoslovak; Czechoslovakian | | | | |
DDR | East Germany | German Democratic Republic; GDR | East German | East Germans | | East Berlin | |
- | West Germany | | West German | West Germans | | Bonn | |
- | Nazi Germany | Third Reich; German Reich | Nazi | Nazis | | | |
- | Ottoman Empire | | Ottoman | Ottomans | | | |
- | Austria-Hungary | Austro-Hungarian Empire | Austro-Hungarian | | | | |
- | Russian Empire | Imperial Russia | | | | | |
RHO | Rhodesia | Southern Rhodesia | Rhodesian | Rhodesians | | | |
- | South Vietnam | Republic of Vietnam | South Vietnamese | | | Saigon | |
VDR | North Vietnam | Democratic Republic of Vietnam | North Vietnamese | | | | |
"""

# Person-name collisions and English-word acronyms, by canonical name.
NAME_RISK = {
    "Chad": ["Chad"], "Jordan": ["Jordan"], "Georgia": ["Georgia"], "Israel": ["Israel"],
    "Kenya": ["Kenya"], "United States": ["Washington", "America"], "Chile": ["Santiago"],
    "Jamaica": ["Kingston"], "New Zealand": ["Wellington"], "Peru": ["Lima"],
}
CAPS_RISK = {"United States": ["US"], "Central African Republic": ["CAR"],
             "State Union of Serbia and Montenegro": ["FRY"]}

# --------------------------------------------------------------------------------------
# Organisations and organs.


def org(name, acr=(), aliases=(), *, parent=None, metonyms=(), context=(), exclusions=(),
        caps_risk=(), kind="organisation", speaks=False, status=None, members=()):
    """An organisation (or, with kind="organ", an organ) as a raw table row; `members`: the
    states of a small fixed group, so a letter signed by all of them speaks for the group."""
    return dict(name=name, kind=kind, acronyms=list(acr), aliases=list(aliases), parent=parent,
                metonyms=list(metonyms), context_aliases=list(context),
                exclusions=list(exclusions), caps_risk=list(caps_risk), speaks_for_parent=speaks,
                status=status, members=list(members))


def organ(name, parent, speaks, aliases=(), acr=(), context=(), exclusions=(), caps_risk=()):
    return org(name, acr, aliases, parent=parent, context=context, exclusions=exclusions,
               kind="organ", speaks=speaks, caps_risk=caps_risk)


UN = "United Nations"
EU = "European Union"

ORGANISATIONS = [
    # The United Nations and its system.
    org(UN, ["UN", "U.N.", "UNO", "ONU"],
        ["United Nations Organization", "UN system", "United Nations system"],
        context=["the Organization", "the world body", "the world organization"]),
    org("International Atomic Energy Agency", ["IAEA"], context=["the Agency"], parent=UN),
    org("International Monetary Fund", ["IMF"], context=["the Fund"], parent=UN),
    org("World Bank", ["IBRD"], ["World Bank Group",
        "International Bank for Reconstruction and Development"], context=["the Bank"], parent=UN),
    org("World Trade Organization", ["WTO"], parent=None),
    org("World Health Organization", ["WHO"], caps_risk=["WHO"], parent=UN),
    org("International Labour Organization", ["ILO"], parent=UN),
    org("Food and Agriculture Organization", ["FAO"],
        ["Food and Agriculture Organization of the United Nations"], parent=UN),
    org("UNESCO", ["UNESCO"], ["United Nations Educational, Scientific and Cultural Organization"],
        parent=UN),
    org("International Civil Aviation Organization", ["ICAO"], parent=UN),
    org("International Maritime Organization", ["IMO"], parent=UN),
    org("International Telecommunication Union", ["ITU"], parent=UN),
    org("Universal Postal Union", ["UPU"], parent=UN),
    org("World Meteorological Organization", ["WMO"], parent=UN),
    org("World Intellectual Property Organization", ["WIPO"], parent=UN),
    org("International Fund for Agricultural Development", ["IFAD"], parent=UN),
    org("United Nations Industrial Development Organization", ["UNIDO"], parent=UN),
    org("World Tourism Organization", ["UNWTO"], ["UN Tourism"], parent=UN),
    org("International Organization for Migration", ["IOM"], parent=UN),
    org("UNHCR", ["UNHCR"], ["Office of the United Nations High Commissioner for Refugees",
        "United Nations High Commissioner for Refugees", "UN High Commissioner for Refugees",
        "UN refugee agency", "United Nations refugee agency", "UN Refugee Agency",
        "High Commissioner for Refugees"], parent=UN),
    org("UNICEF", ["UNICEF"], ["United Nations Children's Fund", "UN Children's Fund"], parent=UN),
    org("United Nations Development Programme", ["UNDP"], parent=UN),
    org("United Nations Office on Drugs and Crime", ["UNODC"],
        ["UN Office on Drugs and Crime", "United Nations Office of Drugs and Crime",
         "UN Office of Drugs and Crime"], parent=UN),
    org("United Nations Environment Programme", ["UNEP"], ["UN Environment"], parent=UN),
    org("UN-Habitat", ["UN-HABITAT"], ["United Nations Human Settlements Programme",
        "UN Habitat"], parent=UN),
    org("United Nations Population Fund", ["UNFPA"], parent=UN),
    org("UNRWA", ["UNRWA"], ["United Nations Relief and Works Agency for Palestine Refugees in the Near East",
        "United Nations Relief and Works Agency"], parent=UN),
    org("World Food Programme", ["WFP"], parent=UN),
    org("UN Women", [], ["United Nations Entity for Gender Equality and the Empowerment of Women",
        "United Nations Women"], parent=UN),
    org("UNAIDS", ["UNAIDS"], ["Joint United Nations Programme on HIV/AIDS"], parent=UN),
    org("United Nations Conference on Trade and Development", ["UNCTAD"], parent=UN),
    org("United Nations Office for Project Services", ["UNOPS"], parent=UN),
    org("International Narcotics Control Board", ["INCB"],
        ["International Narcotic Control Board"], context=["the Board"], parent=UN),
    org("International Criminal Court", ["ICC"], context=["the Court"]),
    org("Organisation for the Prohibition of Chemical Weapons", ["OPCW"]),
    org("Comprehensive Nuclear-Test-Ban Treaty Organization", ["CTBTO"]),
    org("International Tribunal for the Law of the Sea", ["ITLOS"]),
    org("Permanent Court of Arbitration", []),
    # Europe and Eurasia.
    org(EU, ["EU", "E.U."], ["European Community", "European Communities", "European Economic Community",
        "EU27", "EU-27", "EU28", "EU-28"], metonyms=["Brussels"], context=["the Union"]),
    org("NATO", ["NATO", "OTAN"], ["North Atlantic Treaty Organization", "North Atlantic Alliance",
        "Atlantic Alliance"]),
    org("OSCE", ["OSCE"], ["Organization for Security and Co-operation in Europe",
        "Conference on Security and Co-operation in Europe", "CSCE"],
        context=["the Organization"]),
    org("Council of Europe", ["CoE"], context=["the Organisation"]),
    org("Collective Security Treaty Organization", ["CSTO", "ODKB"]),
    org("Shanghai Cooperation Organisation", ["SCO"]),
    org("Commonwealth of Independent States", ["CIS"]),
    org("Eurasian Economic Union", ["EAEU", "EEU"], ["Eurasian Union"]),
    org("Union State of Russia and Belarus", [], ["Union State", "Union of Russia and Belarus",
        "Russia-Belarus Union State"]),
    org("GUAM Organization for Democracy and Economic Development", ["GUAM"]),
    org("Organization of the Black Sea Economic Cooperation", ["BSEC"],
        ["Black Sea Economic Cooperation"]),
    org("Visegrád Group", ["V4"], ["Visegrad Group", "Visegrád Four", "Visegrad Four"]),
    org("Nordic Council", []),
    org("Benelux", [], ["Benelux Union"]),
    org("European Free Trade Association", ["EFTA"]),
    org("Council of the Baltic Sea States", ["CBSS"]),
    org("Arctic Council", []),
    org("Regional Cooperation Council", ["RCC"]),
    org("Organization of Turkic States", [], ["Turkic Council"]),
    org("European Bank for Reconstruction and Development", ["EBRD"]),
    org("Office of the High Representative", ["OHR"],
        ["High Representative for Bosnia and Herzegovina", "High Representative in Bosnia and Herzegovina",
         "International High Representative", "High Representative of the international community"],
        context=["High Representative"]),
    org("Warsaw Pact", [], ["Warsaw Treaty Organization"], status="defunct"),
    # Groups of states.
    org("G7", ["G7", "G-7"], ["Group of Seven"]),
    org("E3", ["E3", "EU3", "E-3"], ["E3 countries"], members=["France", "Germany", "United Kingdom"]),
    org("G8", ["G8", "G-8"], ["Group of Eight"]),
    org("G20", ["G20", "G-20"], ["Group of Twenty"]),
    org("Group of 77", ["G77", "G-77"], ["Group of 77 and China"]),
    org("BRICS", ["BRICS"]),
    org("Non-Aligned Movement", ["NAM"]),
    org("Middle East Quartet", [], ["Quartet on the Middle East", "Quartet"]),
    org("OPEC", ["OPEC"], ["Organization of the Petroleum Exporting Countries"]),
    org("OECD", ["OECD"], ["Organisation for Economic Co-operation and Development"]),
    org("International Energy Agency", ["IEA"]),
    org("Alliance of Small Island States", ["AOSIS"]),
    org("Inter-Parliamentary Union", ["IPU"]),
    org("Commonwealth of Nations", [], ["Commonwealth", "Commonwealth Secretariat"],
        exclusions=["Commonwealth of"]),
    org("Organisation internationale de la Francophonie", ["OIF"], ["Francophonie",
        "International Organisation of La Francophonie"]),
    org("Community of Portuguese Language Countries", ["CPLP"]),
    # Africa.
    org("African Union", ["AU"], context=["the Union"]),
    org("Organisation of African Unity", ["OAU"], status="defunct"),
    org("ECOWAS", ["ECOWAS", "CEDEAO"], ["Economic Community of West African States"]),
    org("Economic Community of Central African States", ["ECCAS", "CEEAC"]),
    org("Southern African Development Community", ["SADC"]),
    org("East African Community", ["EAC"]),
    org("Intergovernmental Authority on Development", ["IGAD"]),
    org("Common Market for Eastern and Southern Africa", ["COMESA"]),
    org("Arab Maghreb Union", ["AMU", "UMA"]),
    org("Community of Sahel-Saharan States", ["CEN-SAD"]),
    org("G5 Sahel", [], ["G-5 Sahel", "Group of Five for the Sahel"]),
    org("African Development Bank", ["AfDB"]),
    # Middle East and Asia.
    org("Arab League", [], ["League of Arab States"], context=["the League"]),
    org("Gulf Cooperation Council", ["GCC"], ["Cooperation Council for the Arab States of the Gulf"]),
    org("Organisation of Islamic Cooperation", ["OIC"], ["Organisation of the Islamic Conference"]),
    org("ASEAN", ["ASEAN"], ["Association of Southeast Asian Nations"]),
    org("Asia-Pacific Economic Cooperation", ["APEC"]),
    org("South Asian Association for Regional Cooperation", ["SAARC"]),
    org("Economic Cooperation Organization", ["ECO"]),
    org("Conference on Interaction and Confidence-Building Measures in Asia", ["CICA"]),
    org("Asian Development Bank", ["ADB", "AsDB"]),
    org("Asian Infrastructure Investment Bank", ["AIIB"]),
    org("New Development Bank", ["NDB"], ["BRICS Bank"]),
    org("Islamic Development Bank", ["IsDB"]),
    # The Americas and the Pacific.
    org("Organization of American States", ["OAS", "OEA"], context=["the Organization"]),
    org("CARICOM", ["CARICOM"], ["Caribbean Community"]),
    org("Organisation of Eastern Caribbean States", ["OECS"]),
    org("Mercosur", ["MERCOSUR", "MERCOSUL"], ["Mercosul", "Southern Common Market"]),
    org("Andean Community", [], ["Comunidad Andina"]),
    org("Community of Latin American and Caribbean States", ["CELAC"]),
    org("ALBA", ["ALBA"], ["Bolivarian Alliance for the Peoples of Our America"]),
    org("Union of South American Nations", ["UNASUR"]),
    org("Central American Integration System", ["SICA"]),
    org("Inter-American Development Bank", ["IDB", "IADB"]),
    org("Pacific Islands Forum", ["PIF"], ["South Pacific Forum"]),
    org("Pacific Community", ["SPC"], ["Secretariat of the Pacific Community"]),
    # Not intergovernmental, but speak as institutions in the same texts.
    org("International Committee of the Red Cross", ["ICRC"]),
    org("International Federation of Red Cross and Red Crescent Societies", ["IFRC"]),
    org("Interpol", ["INTERPOL", "ICPO"], ["International Criminal Police Organization"]),
    org("Europol", [], ["European Police Office",
        "European Union Agency for Law Enforcement Cooperation"], parent=EU),
    org("Frontex", [], ["European Border and Coast Guard Agency"], parent=EU),
    org("Eurojust", [], [], parent=EU),
    org("European Investment Bank", ["EIB"], parent=EU),
]

SG_CONTEXT = ["Secretary-General", "Secretary General"]

ORGANS = [
    # United Nations.
    organ("United Nations Security Council", UN, False,
          ["Security Council", "Security Council of the United Nations"], ["UNSC"],
          context=["the Council", "the 15-member Council", "the 15-nation Council",
                   "the 15-member body", "the 15-nation body"],
          exclusions=["National Security Council"]),
    organ("United Nations General Assembly", UN, False,
          ["General Assembly", "General Assembly of the United Nations"], ["UNGA"],
          context=["the Assembly", "the 193-member Assembly", "the 192-member Assembly"]),
    organ("Secretary-General of the United Nations", UN, True,
          ["United Nations Secretary-General", "UN chief", "U.N. chief", "UN Chief",
           "Secretary-General of the UN"], context=SG_CONTEXT),
    organ("Deputy Secretary-General of the United Nations", UN, True,
          ["United Nations Deputy Secretary-General"],
          context=["Deputy Secretary-General", "Deputy Secretary General"]),
    organ("Spokesperson for the Secretary-General", "Secretary-General of the United Nations", True,
          ["Spokesman for the Secretary-General", "Spokeswoman for the Secretary-General",
           "Spokesperson for the UN Secretary-General", "Spokesman for the UN Secretary-General",
           "United Nations spokesperson", "United Nations spokesman", "United Nations spokeswoman",
           "UN spokesperson", "UN spokesman", "UN spokeswoman"]),
    organ("Special Representative of the Secretary-General", "Secretary-General of the United Nations",
          True, ["UN Special Representative", "United Nations Special Representative"], ["SRSG"]),
    organ("United Nations Secretariat", UN, True, ["UN Secretariat"],
          context=["the Secretariat", "Under-Secretary-General", "Under Secretary-General",
                   "Assistant Secretary-General"]),
    organ("President of the United Nations General Assembly", "United Nations General Assembly", True,
          ["President of the General Assembly", "General Assembly President",
           "UN General Assembly President", "President of the UN General Assembly"]),
    organ("President of the Security Council", "United Nations Security Council", True,
          ["Security Council President", "President of the UN Security Council",
           "UN Security Council President"], context=["Council President"]),
    organ("United Nations Economic and Social Council", UN, False,
          ["Economic and Social Council", "UN Economic and Social Council"], ["ECOSOC"]),
    organ("United Nations Trusteeship Council", UN, False, ["Trusteeship Council"]),
    organ("International Court of Justice", UN, False, ["World Court"], ["ICJ"],
          context=["the Court"]),
    organ("United Nations Human Rights Council", UN, False,
          ["Human Rights Council", "UN Human Rights Council"], ["UNHRC"], context=["the Council"]),
    organ("United Nations Peacebuilding Commission", UN, False,
          ["Peacebuilding Commission", "Peace-building Commission"], ["PBC"],
          context=["the Commission"]),
    organ("Counter-Terrorism Committee", "United Nations Security Council", False,
          ["Security Council Counter-Terrorism Committee", "Counter Terrorism Committee"]),
    organ("Commission on Narcotic Drugs", "United Nations Economic and Social Council", False, []),
    organ("Office for the Coordination of Humanitarian Affairs", UN, False,
          ["UN Office for the Coordination of Humanitarian Affairs"], ["OCHA"]),
    organ("Office of the United Nations High Commissioner for Human Rights", UN, False,
          ["United Nations High Commissioner for Human Rights", "UN High Commissioner for Human Rights",
           "High Commissioner for Human Rights", "UN Human Rights Office", "UN human rights chief"],
          ["OHCHR"]),
    organ("Department of Peace Operations", UN, False,
          ["Department of Peacekeeping Operations", "UN Department of Peacekeeping Operations"],
          ["DPO", "DPKO"]),
    organ("Department of Political and Peacebuilding Affairs", UN, False,
          ["Department of Political Affairs"], ["DPPA"]),
    organ("International Criminal Tribunal for the former Yugoslavia", UN, False,
          ["Hague Tribunal", "Yugoslav war crimes tribunal"], ["ICTY"], context=["the Tribunal"]),
    organ("International Criminal Tribunal for Rwanda", UN, False, [], ["ICTR"],
          context=["the Tribunal"]),
    organ("International Residual Mechanism for Criminal Tribunals", UN, False, [], ["IRMCT"]),
    # United Nations missions (subsidiary bodies; they do not speak for the UN as such).
    organ("UNMIK", UN, False, ["United Nations Interim Administration Mission in Kosovo",
          "UN Mission in Kosovo", "United Nations Mission in Kosovo"], ["UNMIK"],
          context=["the Mission"]),
    organ("UNOMIG", UN, False, ["United Nations Observer Mission in Georgia",
          "UN Observer Mission in Georgia"], ["UNOMIG"], context=["the Mission"]),
    organ("UNFICYP", UN, False, ["United Nations Peacekeeping Force in Cyprus"], ["UNFICYP"]),
    organ("UNIFIL", UN, False, ["United Nations Interim Force in Lebanon"], ["UNIFIL"]),
    organ("MINURSO", UN, False, ["United Nations Mission for the Referendum in Western Sahara"],
          ["MINURSO"]),
    organ("MONUSCO", UN, False, ["United Nations Organization Stabilization Mission in the Democratic Republic of the Congo"],
          ["MONUSCO", "MONUC"]),
    organ("UNMISS", UN, False, ["United Nations Mission in South Sudan"], ["UNMISS"]),
    organ("UNAMA", UN, False, ["United Nations Assistance Mission in Afghanistan"], ["UNAMA"]),
    organ("UNAMI", UN, False, ["United Nations Assistance Mission for Iraq"], ["UNAMI"]),
    organ("MINUSMA", UN, False, ["United Nations Multidimensional Integrated Stabilization Mission in Mali"],
          ["MINUSMA"]),
    organ("MINUSCA", UN, False, [], ["MINUSCA"]),
    organ("UNAMID", UN, False, ["African Union-United Nations Hybrid Operation in Darfur"], ["UNAMID"]),
    organ("UNMIL", UN, False, ["United Nations Mission in Liberia"], ["UNMIL"]),
    organ("UNOCI", UN, False, ["United Nations Operation in Côte d'Ivoire"], ["UNOCI"]),
    organ("UNSMIL", UN, False, ["United Nations Support Mission in Libya"], ["UNSMIL"]),
    organ("UNTSO", UN, False, ["United Nations Truce Supervision Organization"], ["UNTSO"]),
    organ("UNDOF", UN, False, ["United Nations Disengagement Observer Force"], ["UNDOF"]),
    # European Union.
    organ("European Commission", EU, True, ["EU Commission", "Commission of the European Communities",
          "Commission of the European Union"], context=["the Commission"]),
    organ("President of the European Commission", "European Commission", True,
          ["European Commission President", "Commission President", "EU Commission President"]),
    organ("European Council", EU, True, ["EU summit", "EU Summit"],
          exclusions=["European Council on Foreign Relations"]),
    organ("President of the European Council", "European Council", True,
          ["European Council President"]),
    organ("Council of the European Union", EU, True,
          ["Council of the EU", "EU Council", "Council of Ministers of the European Union",
           "EU Council of Ministers", "Foreign Affairs Council", "General Affairs Council",
           "General Affairs and External Relations Council"], context=["the Council"]),
    organ("Presidency of the Council of the European Union", "Council of the European Union", True,
          ["EU Presidency", "Presidency of the EU", "Presidency of the European Union",
           "EU Council Presidency", "Presidency of the Council of the EU"],
          context=["the Presidency"]),
    organ("European Parliament", EU, False, ["EU Parliament"], context=["the Parliament"]),
    organ("High Representative of the Union for Foreign Affairs and Security Policy", EU, True,
          ["EU High Representative", "EU High Representative for Foreign Affairs and Security Policy",
           "High Representative for Foreign Affairs and Security Policy",
           "High Representative for the Common Foreign and Security Policy",
           "EU High Representative for the Common Foreign and Security Policy",
           "EU foreign policy chief", "EU Foreign Policy Chief", "HR/VP"],
          context=["High Representative"]),
    organ("European External Action Service", EU, True, ["EU External Action Service"], ["EEAS"]),
    organ("European Union Special Representative", EU, True,
          ["EU Special Representative", "EU Special Envoy"], ["EUSR"]),
    organ("EULEX", EU, False, ["European Union Rule of Law Mission in Kosovo", "EULEX Kosovo",
          "EU Rule of Law Mission in Kosovo", "EU rule of law mission"], ["EULEX"],
          context=["the Mission"]),
    organ("European Union Monitoring Mission in Georgia", EU, False,
          ["EU Monitoring Mission in Georgia", "EU Monitoring Mission", "European Union Monitoring Mission"],
          ["EUMM"], context=["the Mission"]),
    organ("EUFOR", EU, False, ["European Union Force", "EUFOR Althea"], ["EUFOR"]),
    organ("Court of Justice of the European Union", EU, False, ["European Court of Justice",
          "EU Court of Justice"], ["CJEU", "ECJ"], context=["the Court"]),
    organ("European Central Bank", EU, False, [], ["ECB"]),
    # NATO.
    organ("Secretary General of NATO", "NATO", True,
          ["NATO Secretary General", "NATO Secretary-General", "NATO chief",
           "Secretary General of the North Atlantic Treaty Organization", "Secretary General of the Alliance",
           "Secretary-General of NATO", "NATO's Secretary General", "NATO's Secretary-General"],
          context=SG_CONTEXT),
    organ("North Atlantic Council", "NATO", True, ["NATO Council"], ["NAC"], context=["the Council"]),
    organ("NATO summit", "NATO", True, ["NATO Summit", "NATO summit meeting"]),
    organ("NATO spokesperson", "NATO", True, ["NATO spokesman", "NATO spokeswoman",
          "NATO Spokesperson", "NATO Spokesman"]),
    organ("NATO Parliamentary Assembly", "NATO", False, ["NATO PA"],
          context=["Parliamentary Assembly"]),
    organ("NATO-Russia Council", "NATO", False, ["NATO Russia Council"]),
    organ("KFOR", "NATO", False, ["Kosovo Force", "NATO-led Kosovo Force"], ["KFOR"]),
    organ("ISAF", "NATO", False, ["International Security Assistance Force"], ["ISAF"]),
    organ("Supreme Allied Commander Europe", "NATO", False, [], ["SACEUR"]),
    # OSCE.
    organ("OSCE Chairman-in-Office", "OSCE", True,
          ["Chairman-in-Office", "Chairperson-in-Office", "OSCE Chairperson-in-Office",
           "Chairman-in-Office of the OSCE", "Chairperson-in-Office of the OSCE", "OSCE Chair",
           "OSCE Chairmanship", "OSCE Chairman", "OSCE Chairperson", "Chair-in-Office"],
          context=["the Chairmanship"]),
    organ("OSCE Secretary General", "OSCE", True,
          ["Secretary General of the OSCE", "OSCE Secretary-General", "Secretary-General of the OSCE"],
          context=SG_CONTEXT),
    organ("OSCE Permanent Council", "OSCE", True, [], context=["Permanent Council", "the Council"]),
    organ("OSCE Parliamentary Assembly", "OSCE", False,
          ["OSCE PA", "Parliamentary Assembly of the OSCE"],
          context=["Parliamentary Assembly", "the Assembly"]),
    organ("ODIHR", "OSCE", False, ["Office for Democratic Institutions and Human Rights",
          "OSCE/ODIHR", "OSCE Office for Democratic Institutions and Human Rights"], ["ODIHR"]),
    organ("OSCE High Commissioner on National Minorities", "OSCE", False,
          ["High Commissioner on National Minorities"], ["HCNM"]),
    organ("OSCE Representative on Freedom of the Media", "OSCE", False,
          ["Representative on Freedom of the Media"]),
    organ("OSCE Minsk Group", "OSCE", False, ["Minsk Group"]),
    organ("OSCE Mission", "OSCE", False,
          ["OSCE mission", "OSCE Mission in Kosovo", "OSCE Mission to Kosovo", "OSCE Mission to Serbia",
           "OSCE Mission to Georgia", "OSCE Mission to Moldova", "OSCE Mission to Bosnia and Herzegovina",
           "OSCE Mission to Montenegro", "OSCE Mission to Skopje", "OSCE Presence in Albania",
           "OSCE Special Monitoring Mission to Ukraine", "OSCE Special Monitoring Mission",
           "OSCE field mission", "OSCE field operation"], ["OMiK"], context=["the Mission"]),
    # Council of Europe.
    organ("Secretary General of the Council of Europe", "Council of Europe", True,
          ["Council of Europe Secretary General", "Council of Europe Secretary-General",
           "Secretary-General of the Council of Europe", "CoE Secretary General"],
          context=SG_CONTEXT),
    organ("Committee of Ministers of the Council of Europe", "Council of Europe", True,
          ["Committee of Ministers", "Council of Europe Committee of Ministers"]),
    organ("Parliamentary Assembly of the Council of Europe", "Council of Europe", False,
          ["Council of Europe Parliamentary Assembly"], ["PACE"], caps_risk=["PACE"],
          context=["Parliamentary Assembly", "the Assembly"]),
    organ("European Court of Human Rights", "Council of Europe", False,
          ["Strasbourg court", "Strasbourg Court"], ["ECtHR", "ECHR"], context=["the Court"]),
    organ("Venice Commission", "Council of Europe", False,
          ["European Commission for Democracy through Law"], context=["the Commission"]),
    organ("Council of Europe Commissioner for Human Rights", "Council of Europe", False,
          ["Commissioner for Human Rights of the Council of Europe"]),
    organ("Congress of Local and Regional Authorities", "Council of Europe", False,
          ["Congress of Local and Regional Authorities of the Council of Europe"]),
    # Other organisations' executive heads and bodies.
    organ("CSTO Secretary General", "Collective Security Treaty Organization", True,
          ["Secretary General of the CSTO", "CSTO Secretary-General",
           "Secretary General of the Collective Security Treaty Organization"], context=SG_CONTEXT),
    organ("SCO Secretary-General", "Shanghai Cooperation Organisation", True,
          ["Secretary-General of the SCO", "SCO Secretary General"], context=SG_CONTEXT),
    organ("African Union Commission", "African Union", True, ["AU Commission"], ["AUC"],
          context=["the Commission"]),
    organ("Chairperson of the African Union Commission", "African Union Commission", True,
          ["AU Commission Chairperson", "African Union Commission Chairperson",
           "Chairperson of the AU Commission"]),
    organ("African Union Peace and Security Council", "African Union", False,
          ["AU Peace and Security Council", "Peace and Security Council of the African Union"]),
    organ("Pan-African Parliament", "African Union", False, []),
    organ("ECOWAS Commission", "ECOWAS", True, [], context=["the Commission"]),
    organ("Secretary-General of the Arab League", "Arab League", True,
          ["Arab League Secretary-General", "Arab League Secretary General",
           "Secretary-General of the League of Arab States", "Secretary General of the Arab League"],
          context=SG_CONTEXT),
    organ("OIC Secretary-General", "Organisation of Islamic Cooperation", True,
          ["Secretary-General of the OIC", "OIC Secretary General",
           "Secretary-General of the Organisation of Islamic Cooperation"], context=SG_CONTEXT),
    organ("ASEAN Secretary-General", "ASEAN", True, ["Secretary-General of ASEAN",
          "ASEAN Secretary General"], context=SG_CONTEXT),
    organ("OAS Secretary General", "Organization of American States", True,
          ["Secretary General of the OAS", "OAS Secretary-General",
           "Secretary General of the Organization of American States"], context=SG_CONTEXT),
    organ("OAS Permanent Council", "Organization of American States", True,
          ["Permanent Council of the OAS", "Permanent Council of the Organization of American States"],
          context=["Permanent Council"]),
    organ("Inter-American Commission on Human Rights", "Organization of American States", False,
          [], ["IACHR"], context=["the Commission"]),
    organ("Inter-American Court of Human Rights", "Organization of American States", False, [],
          context=["the Court"]),
    organ("Commonwealth Secretary-General", "Commonwealth of Nations", True,
          ["Secretary-General of the Commonwealth", "Commonwealth Secretary General"],
          context=SG_CONTEXT),
    organ("IAEA Board of Governors", "International Atomic Energy Agency", False,
          ["Board of Governors of the IAEA", "IAEA Board"]),
    organ("Peace Implementation Council", "Office of the High Representative", False, ["PIC"]),
]

# --------------------------------------------------------------------------------------
# Spelling variants: each rule maps one spelling to its alternatives.
VARIANTS = [
    ("Organization", ("Organisation",)), ("Organisation", ("Organization",)),
    ("organization", ("organisation",)), ("organisation", ("organization",)),
    ("Co-operation", ("Cooperation",)), ("Cooperation", ("Co-operation",)),
    ("Programme", ("Program",)), ("Defence", ("Defense",)), ("Centre", ("Center",)),
    ("Labour", ("Labor",)),
    ("Secretary-General", ("Secretary General",)), ("Secretary General", ("Secretary-General",)),
    ("Director-General", ("Director General",)),
    ("Southeast", ("South-East", "South East")),
    ("Stabilization", ("Stabilisation",)),
    ("Herzegovina", ("Hercegovina",)),
]
_ACRONYM = re.compile(r"^(?:[A-Z0-9][A-Za-z0-9]*(?:[.&/-]?[A-Z0-9][A-Za-z0-9]*)*\.?|[A-Z](?:\.[A-Z])+\.?)$")


def is_acronym(surface: str) -> bool:
    """All-capital short forms (``UN``, ``U.S.``, ``G7``, ``BiH``, ``CoE``, ``AfDB``)."""
    if " " in surface or len(surface) < 2:
        return False
    if not _ACRONYM.match(surface):
        return False
    letters = [c for c in surface if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return upper >= 2 and upper >= len(letters) - 2 and not surface[1:].islower()


def spellings(surface: str) -> list[str]:
    out = [surface]
    for old, news in VARIANTS:
        for s in list(out):
            if old in s:
                out.extend(s.replace(old, new) for new in news)
    seen = []
    for s in out:
        if s not in seen:
            seen.append(s)
    return seen


def un_prefixed(surface: str) -> list[str]:
    """"United Nations X" also as "UN X" and "U.N. X"; "X of the United Nations" as "X of the UN"."""
    out = [surface]
    if surface.startswith("United Nations "):
        rest = surface[len("United Nations "):]
        out += ["UN " + rest, "U.N. " + rest]
    if surface.endswith(" of the United Nations"):
        out.append(surface[: -len("United Nations")] + "UN")
    return out


HEADS = ("Council", "Commission", "Committee", "Assembly", "Court", "Tribunal", "Mission", "Parliament",
         "Board", "Secretariat", "Presidency", "Conference", "Agency", "Fund", "Programme", "Force", "Group",
         "Forum", "Service")
_HEAD = re.compile(r"\b(" + "|".join(HEADS) + r")\b(?= of\b| for\b| on\b| in\b| to\b|$)")


_ROLE_START = ("President", "Secretary", "Deputy", "Chair", "Commissioner", "Spokes", "Special", "High",
               "Director", "Executive", "Under", "Assistant", "Supreme", "Head")


def head_context(names: list[str], parent_names: list[str]) -> list[str]:
    """"the Council" for an organ called "... Council": its head noun, as a context alias.
    Not for an office named after its body ("President of the Council"), nor for a head
    that belongs to the parent's name ("... of the Council of Europe")."""
    out = []
    for n in names:
        if is_acronym(n) or n.startswith(_ROLE_START):
            continue
        for p in sorted(parent_names, key=len, reverse=True):
            n = n.replace(p, "")
        m = _HEAD.search(n.strip())
        if m:
            out.append("the " + m.group(1))
    return out


def split(cell: str) -> list[str]:
    return [s.strip() for s in cell.split(";") if s.strip()]


def strip_the(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


def pycountry_names(iso3: str) -> list[str]:
    try:
        import pycountry
    except ImportError:  # pragma: no cover - the build needs it, the runtime never does
        sys.exit("build_actors needs pycountry (pip install pycountry)")
    c = pycountry.countries.get(alpha_3=iso3)
    if c is None:
        return []
    names = [c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)]
    return [strip_the(n) for n in names if n]


def blank(name: str, kind: str) -> dict:
    e = {k: [] for k in FIELDS}
    e.update(name=name, kind=kind, status=None, iso3=None, parent=None, speaks_for_parent=False)
    return e


def dedupe(items: list[str], drop: set[str] = frozenset()) -> list[str]:
    out: list[str] = []
    for s in items:
        if s and s not in out and s not in drop:
            out.append(s)
    return out


def state_rows(table: str, kind: str) -> list[dict]:
    rows = []
    for line in table.strip().splitlines():
        cells = [c.strip() for c in line.split("|")]
        cells += [""] * (9 - len(cells))
        iso, name, aliases, adjs, dems, eths, caps, mets, excl = cells[:9]
        e = blank(name, kind)
        iso = None if iso in ("", "-") else iso
        surfaces = split(aliases)
        if kind in ("state", "de-facto-state", "historical") and iso:
            e["iso3"] = iso
            if kind == "state":
                surfaces += pycountry_names(iso)
        if kind == "sub-state":
            e["parent_iso3"] = iso
        e["aliases"] = dedupe([s for s in surfaces if not is_acronym(s)], {name})
        e["acronyms"] = dedupe([s for s in surfaces if is_acronym(s)])
        e["adjectives"] = split(adjs)
        e["demonyms"] = split(dems)
        e["ethnonyms"] = split(eths)
        e["capitals"] = split(caps)
        mets_l = split(mets)
        e["metonyms"] = [m for m in mets_l if not is_acronym(m)]
        e["acronyms"] += [m for m in mets_l if is_acronym(m)]  # FCO, FCDO
        e["exclusions"] = split(excl)
        e["name_risk"] = NAME_RISK.get(name, [])
        e["caps_risk"] = CAPS_RISK.get(name, [])
        if kind == "state":
            e["status"] = ("member" if iso in UN_MEMBERS else
                           "observer" if iso in UN_OBSERVERS else "non-member")
        rows.append(e)
    return rows


def parent_names(parent: str | None) -> list[str]:
    for raw in ORGANISATIONS + ORGANS:
        if raw["name"] == parent:
            names = [raw["name"]] + list(raw["aliases"]) + list(raw["acronyms"])
            return [v for n in names for u in un_prefixed(n) for v in spellings(u)]
    return []


def org_rows() -> list[dict]:
    rows = []
    for raw in ORGANISATIONS + ORGANS:
        e = blank(raw["name"], raw["kind"])
        e["parent"] = raw["parent"]
        e["status"] = raw["status"]
        e["speaks_for_parent"] = bool(raw["speaks_for_parent"]) if raw["kind"] == "organ" else False
        aliases: list[str] = []
        for a in raw["aliases"]:
            for u in un_prefixed(a):
                aliases += spellings(u)
        names = [v for u in un_prefixed(raw["name"]) for v in spellings(u)]
        aliases = names[1:] + aliases
        acr = list(raw["acronyms"]) + [a for a in aliases if is_acronym(a)]
        aliases = [a for a in aliases if not is_acronym(a)]
        # "Nato", "Unesco": title-case spellings of pronounceable acronyms (British style).
        for a in list(acr):
            if len(a) >= 4 and a.isalpha() and a.isupper():
                aliases.append(a.capitalize())
        e["aliases"] = dedupe(aliases, {raw["name"]})
        e["acronyms"] = dedupe(acr)
        e["metonyms"] = raw["metonyms"]
        ctx: list[str] = []
        heads = head_context([raw["name"]] + list(raw["aliases"]), parent_names(raw["parent"])) \
            if raw["kind"] == "organ" else []
        for c in list(raw["context_aliases"]) + heads:
            ctx += spellings(c)
        e["context_aliases"] = dedupe(ctx)
        e["exclusions"] = raw["exclusions"]
        e["members"] = list(raw.get("members") or [])
        e["caps_risk"] = raw["caps_risk"]
        rows.append(e)
    return rows


def build() -> list[dict]:
    states = state_rows(STATES, "state")
    de_facto = state_rows(DE_FACTO, "de-facto-state")
    subs = state_rows(SUB_STATES, "sub-state")
    hist = state_rows(HISTORICAL, "historical")
    by_iso = {e["iso3"]: e["name"] for e in states if e["iso3"]}
    for e in subs:
        e["parent"] = by_iso[e.pop("parent_iso3")]
    rows = states + de_facto + subs + hist + org_rows()
    validate(rows)
    return [{k: e[k] for k in FIELDS} for e in rows]


SURFACE_FIELDS = ("name", "aliases", "acronyms", "adjectives", "demonyms", "capitals", "metonyms")


def _key(s: str) -> str:
    return " ".join(re.findall(r"\w+|[^\w\s]", s.replace("’", "'"))).lower()


def validate(rows: list[dict]) -> None:
    names = {e["name"] for e in rows}
    errors = []
    if len(names) != len(rows):
        errors.append("duplicate canonical names")
    owner: dict[str, str] = {}
    for e in rows:
        if e["parent"] and e["parent"] not in names:
            errors.append(f"{e['name']}: unknown parent {e['parent']!r}")
        for f in SURFACE_FIELDS:
            vals = [e[f]] if f == "name" else e[f]
            for s in vals:
                k = _key(s) if f != "acronyms" else "ACR:" + s
                if f != "acronyms" and is_acronym(s):
                    k = "ACR:" + s
                prev = owner.setdefault(k, e["name"])
                if prev != e["name"]:
                    errors.append(f"surface {s!r} claimed by {prev!r} and {e['name']!r}")
    members = [e for e in rows if e["status"] == "member"]
    if len(members) != 193:
        errors.append(f"{len(members)} UN members, expected 193")
    if errors:
        sys.exit("build_actors: " + "\n  ".join(errors))


def render(rows: list[dict]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str]) -> int:
    text = render(build())
    if "--check" in argv:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is stale: run python tools/build_actors.py")
            return 1
        print(f"{OUT} is up to date")
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(json.loads(text))} entries)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
