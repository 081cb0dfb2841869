#!/usr/bin/env python3
"""Regenerate the XLSX vendor answer files of the labelled answer corpus.

Run from anywhere:  python3 tests/corpus/answers/make_xlsx.py
Needs openpyxl. The output is byte-for-byte deterministic: fixed document properties and fixed
timestamps inside the zip container, so a re-run leaves `git status` clean.

Every workbook below imitates a kravmatris as vendors really return it: title rows above the
header, an "Instruktioner" sheet before the "Krav" sheet, Ja/Nej columns marked with X, an
"Uppfyllt" column, a merged group header, section rows, rows without set ids (matched by text),
and vendor copies of requirement texts that are quietly reworded.

The label of each row lives next to the data (`label=`, never written to the workbook); the
authoritative labels are in manifest.yaml, which was generated from these definitions.
`python3 make_xlsx.py --labels` prints the expected outcomes per workbook for cross-checking.

The requirement texts are frozen copies of builtin:open-baseline 1.0 (and the three inherited
builtin:trollhattan-2023 requirements) as a buyer pastes them into a matrix; they are copied,
not read from the set, so that a later edit of the set cannot silently change the corpus.
"""
from __future__ import annotations

import io
import re
import sys
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent

IDS = ['DATA-OWNERSHIP', 'OPEN-STANDARDS', 'OPEN-APIS', 'DO-01', 'DO-02', 'DO-03', 'DO-04', 'DO-05',
 'DO-06', 'DO-07', 'DO-08', 'EX-01', 'EX-02', 'EX-03', 'EX-04', 'EX-05', 'EX-06', 'OS-01', 'OS-02',
 'OS-03', 'OS-04', 'OS-05', 'OS-06', 'OS-07', 'OS-08', 'OS-09', 'API-01', 'API-02', 'API-03',
 'API-04', 'API-05', 'API-06', 'API-07', 'API-08', 'API-09', 'API-10', 'API-11', 'API-12',
 'API-13']
SHOULD = ['API-02', 'API-12', 'API-13', 'EX-06', 'OS-04', 'OS-05']
EVIDENCE_REQUIRED = ['DO-06', 'DO-08', 'EX-01', 'EX-04', 'API-01', 'API-07', 'API-08']
TEXT = {
    'sv': {
        'DATA-OWNERSHIP': (
            'Organisationen ska äga och ha kontroll över all data i systemet.'
        ),
        'OPEN-STANDARDS': (
            'Systemet ska bygga på öppna standarder.'
        ),
        'OPEN-APIS': (
            'Systemet ska stödja öppna API:er.'
        ),
        'DO-01': (
            'Beställaren ska äga och ha obegränsad nyttjanderätt till all data som Beställaren '
            'eller dess användare för in i tjänsten eller som genereras i tjänsten, inklusive '
            'metadata, loggar och härledd data.'
        ),
        'DO-02': (
            'Beställaren ska när som helst under avtalstiden själv kunna exportera all data ur '
            'tjänsten, utan medverkan från Leverantören.'
        ),
        'DO-03': (
            'Exporterad data ska levereras i öppna, dokumenterade och maskinläsbara format som '
            'bevarar datastrukturen och sambanden mellan posterna.'
        ),
        'DO-04': (
            'Beställarens export av data ska ingå i det avtalade priset utan extra kostnad, '
            'oavsett hur ofta exporten görs och hur stor datamängden är.'
        ),
        'DO-05': (
            'Leverantören ska behandla Beställarens data endast för att leverera tjänsten enligt '
            'avtalet och ska inte använda data för andra ändamål, såsom träning av AI-modeller, '
            'analys, produktutveckling eller försäljning till tredje part.'
        ),
        'DO-06': (
            'Leverantören ska i anbudet redovisa samtliga underbiträden med namn, '
            'organisationsnummer och roll samt i vilka länder Beställarens data lagras och '
            'behandlas, och ska meddela Beställaren skriftligen minst 30 dagar innan ett '
            'underbiträde eller ett land läggs till eller byts ut.'
        ),
        'DO-07': (
            'Beställaren ska själv kunna radera enskilda poster och hela datamängder i tjänsten i '
            'enlighet med sina gallringsbeslut, och raderad data ska vara borttagen även ur '
            'säkerhetskopior inom 90 dagar.'
        ),
        'DO-08': (
            'Leverantören ska tillhandahålla en aktuell dokumentation av tjänstens '
            'informationsmodell med alla entiteter, attribut, datatyper, kodlistor och '
            'relationer, och ska uppdatera dokumentationen inom 30 dagar efter varje ändring av '
            'modellen.'
        ),
        'EX-01': (
            'Leverantören ska bifoga en exitplan till anbudet som beskriver hur data, '
            'dokumentation och drift förs över till Beställaren eller en ny leverantör, ska '
            'fastställa exitplanen tillsammans med Beställaren senast 60 dagar efter avtalsstart '
            'och ska uppdatera den minst en gång per år.'
        ),
        'EX-02': (
            'Leverantören ska senast 30 dagar efter avtalets upphörande återlämna all '
            'Beställarens data, inklusive metadata och bilagor, i öppna och maskinläsbara format '
            'tillsammans med dokumentation av formaten.'
        ),
        'EX-03': (
            'Leverantören ska radera all Beställarens data, inklusive säkerhetskopior, senast 30 '
            'dagar efter att Beställaren skriftligen bekräftat att återlämnad data är komplett, '
            'och ska lämna ett skriftligt intyg om raderingen.'
        ),
        'EX-04': (
            'Leverantören ska i anbudets prisbilaga ange ett fast timpris för exitstöd, det vill '
            'säga hjälp med dataöverföring, migrering och kunskapsöverföring till Beställaren '
            'eller en ny leverantör, och timpriset ska vara fast under hela avtalstiden.'
        ),
        'EX-05': (
            'Beställaren ska ha rätt att låta tjänsten vara i drift, med oförändrad '
            'funktionalitet, servicenivå och prissättning, under en övergångsperiod om upp till '
            'sex månader efter avtalets upphörande.'
        ),
        'EX-06': (
            'Leverantören bör inom sex månader från avtalsstart, och därefter en gång per år, '
            'tillsammans med Beställaren genomföra en provexit där all data exporteras och läses '
            'in i en separat miljö för att visa att den är komplett och läsbar.'
        ),
        'OS-01': (
            'Dokument som tjänsten skapar eller exporterar ska kunna sparas i PDF/A (ISO 19005) '
            'för bevarande och i OpenDocument Format, ODF (ISO/IEC 26300), för fortsatt '
            'redigering.'
        ),
        'OS-02': (
            'Strukturerad data ska kunna exporteras och importeras i minst ett av formaten CSV '
            '(RFC 4180), JSON (RFC 8259) eller XML 1.0 (W3C), med teckenkodningen UTF-8 och ett '
            'publicerat schema för varje format som används.'
        ),
        'OS-03': (
            'Tjänsten ska stödja federerad inloggning enligt OpenID Connect 1.0 eller SAML 2.0 '
            'mot Beställarens identitetsleverantör, så att användarna inte behöver separata '
            'konton och lösenord i tjänsten.'
        ),
        'OS-04': (
            'Tjänsten bör stödja automatisk administration av användarkonton och grupper enligt '
            'SCIM 2.0 (RFC 7643 och RFC 7644), så att konton läggs upp och stängs av utifrån '
            'Beställarens katalogtjänst.'
        ),
        'OS-05': (
            'Tjänsten bör kunna exportera och publicera kalenderhändelser och bokningar i '
            'formatet iCalendar (RFC 5545), så att de kan visas i vilken kalenderklient som helst '
            'som stöder formatet.'
        ),
        'OS-06': (
            'Om tjänsten hanterar geodata ska den tillhandahålla geodata via OGC-tjänsterna WMS '
            '1.3.0 och WFS 2.0 och kunna exportera geodata i GeoJSON (RFC 7946) eller GeoPackage '
            '(OGC), med koordinatreferenssystemet angivet som EPSG-kod.'
        ),
        'OS-07': (
            'Tjänsten ska kunna exportera handlingar med metadata som överföringspaket (SIP) '
            'enligt Riksarkivets FGS Paketstruktur, tillsammans med den innehållsspecifika FGS '
            'som gäller för handlingarnas informationstyp där en sådan är fastställd, för '
            'överföring till Beställarens e-arkiv.'
        ),
        'OS-08': (
            'Där förfrågningsunderlaget hänvisar till ett visst fabrikat, en viss produkt eller '
            'ett visst varumärke ska hänvisningen läsas med tillägget "eller likvärdigt", och '
            'likvärdighet ska visas genom stöd för de standarder som anges i kraven och inte '
            'genom kompatibilitet med en viss produkt.'
        ),
        'OS-09': (
            'Tjänstens samtliga användarfunktioner ska kunna användas i de två senaste '
            'huvudversionerna av minst tre webbläsare med olika webbläsarmotorer, utan '
            'insticksprogram eller installerad klientprogramvara.'
        ),
        'API-01': (
            'Leverantören ska publicera en maskinläsbar beskrivning av tjänstens API:er enligt '
            'OpenAPI Specification 3.0 eller senare, tillgänglig utan sekretessavtal, och bifoga '
            'den till anbudet.'
        ),
        'API-02': (
            'Leverantören bör publicera API-dokumentationen, med exempel på anrop och svar, på en '
            'webbplats som är åtkomlig utan inloggning eller registrering.'
        ),
        'API-03': (
            'API:erna ska skyddas med behörighetskontroll enligt OAuth 2.0 (RFC 6749), och '
            'API-anrop för en inloggad användares räkning ska använda OpenID Connect 1.0.'
        ),
        'API-04': (
            'All data som lagras i tjänsten, inklusive metadata och bilagor, ska kunna läsas via '
            'API:erna.'
        ),
        'API-05': (
            'API:erna ska kunna skapa och uppdatera alla typer av objekt som kan skapas eller '
            'ändras i tjänstens användargränssnitt.'
        ),
        'API-06': (
            'Beställarens användning av API:erna ska ingå i det avtalade priset utan extra '
            'licens- eller transaktionsavgifter, oavsett antal anrop och antal anslutna system.'
        ),
        'API-07': (
            'Leverantören ska tillämpa en dokumenterad versionshanteringspolicy för API:erna där '
            'bakåtinkompatibla ändringar införs endast i en ny huvudversion och en utfasad '
            'version fortsätter att fungera i minst 12 månader efter att Beställaren skriftligen '
            'underrättats.'
        ),
        'API-08': (
            'Leverantören ska dokumentera API:ernas anropsgränser och i ett servicenivåavtal '
            '(SLA) åta sig minst 99,5 procents tillgänglighet per kalendermånad för API:erna.'
        ),
        'API-09': (
            'API:erna ska returnera felsvar i formatet Problem Details enligt RFC 9457, med en '
            'HTTP-statuskod som motsvarar felet.'
        ),
        'API-10': (
            'All kommunikation med API:erna ska ske över HTTPS med TLS 1.2 eller senare, och '
            'okrypterade anrop över HTTP ska avvisas.'
        ),
        'API-11': (
            'API:erna ska stödja hämtning av objekt som ändrats sedan en angiven tidpunkt samt '
            'paginering, så att Beställaren kan hämta hela datamängden en gång och därefter '
            'enbart förändringar.'
        ),
        'API-12': (
            'Tjänsten bör kunna skicka händelsenotifieringar (webhooks) till en mottagaradress '
            'som Beställaren anger när objekt skapas, ändras eller tas bort.'
        ),
        'API-13': (
            'API:erna bör följa DIGG:s REST API-profil, och Leverantören bör i anbudet redovisa '
            'varje avvikelse från profilens obligatoriska regler.'
        ),
    },
    'en': {
        'DATA-OWNERSHIP': (
            'The organisation shall own and have control over all data in the system.'
        ),
        'OPEN-STANDARDS': (
            'The system shall build on open standards.'
        ),
        'OPEN-APIS': (
            'The system shall support open APIs.'
        ),
        'DO-01': (
            'The Buyer shall own and have unrestricted rights of use to all data that the Buyer '
            'or its users enter into the service or that is generated in the service, including '
            'metadata, logs and derived data.'
        ),
        'DO-02': (
            'The Buyer shall be able to export all data from the service itself at any time '
            "during the contract period, without the Supplier's involvement."
        ),
        'DO-03': (
            'Exported data shall be delivered in open, documented and machine-readable formats '
            'that preserve the data structure and the relations between records.'
        ),
        'DO-04': (
            "The Buyer's export of data shall be included in the agreed price at no extra cost, "
            'regardless of how often the export is made and how large the data volume is.'
        ),
        'DO-05': (
            "The Supplier shall process the Buyer's data solely to deliver the service under the "
            'contract and shall not use the data for any other purpose, such as training AI '
            'models, analytics, product development or sale to third parties.'
        ),
        'DO-06': (
            'The Supplier shall list in the tender all subprocessors by name, company '
            "registration number and role, and the countries in which the Buyer's data is stored "
            'and processed, and shall notify the Buyer in writing at least 30 days before a '
            'subprocessor or country is added or replaced.'
        ),
        'DO-07': (
            'The Buyer shall be able to delete individual records and entire data sets in the '
            'service itself in line with its retention and disposal decisions, and deleted data '
            'shall also be removed from backups within 90 days.'
        ),
        'DO-08': (
            "The Supplier shall provide current documentation of the service's information model, "
            'covering all entities, attributes, data types, code lists and relationships, and '
            'shall update it within 30 days of any change to the model.'
        ),
        'EX-01': (
            'The Supplier shall attach to the tender an exit plan describing how data, '
            'documentation and operations are transferred to the Buyer or a new supplier, shall '
            'agree the exit plan with the Buyer no later than 60 days after contract start, and '
            'shall update it at least once a year.'
        ),
        'EX-02': (
            "Within 30 days after the contract ends, the Supplier shall return all of the Buyer's "
            'data, including metadata and attachments, in open, machine-readable formats together '
            'with documentation of those formats.'
        ),
        'EX-03': (
            "The Supplier shall delete all of the Buyer's data, including backups, within 30 days "
            'after the Buyer has confirmed in writing that the returned data is complete, and '
            'shall provide a written certificate of the deletion.'
        ),
        'EX-04': (
            "The Supplier shall state in the tender's price schedule a fixed hourly rate for exit "
            'assistance, meaning help with data transfer, migration and knowledge transfer to the '
            'Buyer or a new supplier, and the rate shall remain fixed for the entire contract '
            'period.'
        ),
        'EX-05': (
            'The Buyer shall have the right to keep the service in operation, with unchanged '
            'functionality, service level and pricing, for a transition period of up to six '
            'months after the contract ends.'
        ),
        'EX-06': (
            'The Supplier should, within six months of contract start and annually thereafter, '
            'carry out a trial exit with the Buyer in which all data is exported and loaded into '
            'a separate environment to show that it is complete and readable.'
        ),
        'OS-01': (
            'Documents that the service creates or exports shall be available in PDF/A (ISO '
            '19005) for preservation and in OpenDocument Format, ODF (ISO/IEC 26300), for further '
            'editing.'
        ),
        'OS-02': (
            'Structured data shall be exportable and importable in at least one of the formats '
            'CSV (RFC 4180), JSON (RFC 8259) or XML 1.0 (W3C), encoded in UTF-8 and with a '
            'published schema for each format used.'
        ),
        'OS-03': (
            'The service shall support federated login using OpenID Connect 1.0 or SAML 2.0 '
            "against the Buyer's identity provider, so that users do not need separate accounts "
            'and passwords in the service.'
        ),
        'OS-04': (
            'The service should support automatic provisioning of user accounts and groups using '
            'SCIM 2.0 (RFC 7643 and RFC 7644), so that accounts are set up and disabled from the '
            "Buyer's directory service."
        ),
        'OS-05': (
            'The service should be able to export and publish calendar events and bookings in the '
            'iCalendar format (RFC 5545), so that they can be shown in any calendar client that '
            'supports the format.'
        ),
        'OS-06': (
            'If the service handles geodata, it shall provide the geodata through the OGC '
            'services WMS 1.3.0 and WFS 2.0 and be able to export geodata in GeoJSON (RFC 7946) '
            'or GeoPackage (OGC), with the coordinate reference system stated as an EPSG code.'
        ),
        'OS-07': (
            'The service shall be able to export records with metadata as submission information '
            "packages (SIP) according to the Swedish National Archives' FGS Package Structure "
            "(FGS Paketstruktur), together with the content-specific FGS for the records' "
            "information type where one has been adopted, for transfer to the Buyer's e-archive."
        ),
        'OS-08': (
            'Where the tender documents refer to a particular make, product or brand, the '
            'reference shall be read as followed by the words "or equivalent", and equivalence '
            'shall be shown through support for the standards named in the requirements, not '
            'through compatibility with a particular product.'
        ),
        'OS-09': (
            'All user functions of the service shall be usable in the two latest major versions '
            'of at least three web browsers built on different browser engines, without plug-ins '
            'or installed client software.'
        ),
        'API-01': (
            "The Supplier shall publish a machine-readable description of the service's APIs "
            'according to the OpenAPI Specification 3.0 or later, available without a '
            'non-disclosure agreement, and attach it to the tender.'
        ),
        'API-02': (
            'The Supplier should publish the API documentation, with example requests and '
            'responses, on a website that is accessible without login or registration.'
        ),
        'API-03': (
            'The APIs shall be protected with authorisation according to OAuth 2.0 (RFC 6749), '
            'and API calls made on behalf of a signed-in user shall use OpenID Connect 1.0.'
        ),
        'API-04': (
            'All data stored in the service, including metadata and attachments, shall be '
            'readable through the APIs.'
        ),
        'API-05': (
            'The APIs shall be able to create and update every type of object that can be created '
            "or changed in the service's user interface."
        ),
        'API-06': (
            "The Buyer's use of the APIs shall be included in the agreed price without extra "
            'licence or transaction fees, regardless of the number of calls and of connected '
            'systems.'
        ),
        'API-07': (
            'The Supplier shall apply a documented versioning policy for the APIs under which '
            'backward incompatible changes are introduced only in a new major version and a '
            'deprecated version keeps working for at least 12 months after the Buyer has been '
            'notified in writing.'
        ),
        'API-08': (
            'The Supplier shall document the rate limits of the APIs and commit in a service '
            'level agreement (SLA) to at least 99.5 percent availability per calendar month for '
            'the APIs.'
        ),
        'API-09': (
            'The APIs shall return error responses in the Problem Details format according to RFC '
            '9457, with an HTTP status code that corresponds to the error.'
        ),
        'API-10': (
            'All communication with the APIs shall use HTTPS with TLS 1.2 or later, and '
            'unencrypted requests over HTTP shall be rejected.'
        ),
        'API-11': (
            'The APIs shall support retrieving objects changed since a given point in time, and '
            'pagination, so that the Buyer can retrieve the complete data set once and then only '
            'the changes.'
        ),
        'API-12': (
            'The service should be able to send event notifications (webhooks) to a receiving '
            'endpoint specified by the Buyer when objects are created, changed or removed.'
        ),
        'API-13': (
            "The APIs should follow DIGG's REST API profile, and the Supplier should list in the "
            "tender every deviation from the profile's mandatory rules."
        ),
    },
}

LEVEL = {rid: ("should" if rid in SHOULD else "must") for rid in IDS}

PRINCIPLE = {
    "sv": {"": "Övergripande krav", "DO": "Dataägande", "EX": "Exit och dataportabilitet",
           "OS": "Öppna standarder", "API": "Öppna API:er"},
    "en": {"": "General requirements", "DO": "Data ownership", "EX": "Exit and portability",
           "OS": "Open standards", "API": "Open APIs"},
}


def principle_of(rid: str) -> str:
    head = rid.split("-")[0]
    return head if head in ("DO", "EX", "OS", "API") else ""


# Neutral comments a vendor writes next to a clear yes. None = no comment. They contain no hedge.
COMMENT = {
    "sv": {
        "DATA-OWNERSHIP": ["Kommunen äger all data i systemet, se allmänna villkor punkt 9.", "All data tillhör Beställaren."],
        "OPEN-STANDARDS": ["Lösningen bygger på OpenID Connect, SAML 2.0, OpenAPI 3.1, PDF/A och ODF.", "Se svaren under OS-01–OS-09."],
        "OPEN-APIS": ["Dokumenterade REST-API:er enligt OpenAPI 3.1.", "Se svaren under API-01–API-13."],
        "DO-01": ["Beställaren äger all data inklusive metadata, loggar och härledd data, se allmänna villkor § 7.", "Gäller även loggar och statistik som tjänsten genererar."],
        "DO-02": ["Administratör exporterar all data via Inställningar > Export, när som helst.", "Fullständig export startas av Beställarens administratör i webbgränssnittet eller via API."],
        "DO-03": ["Export i JSON och CSV med publicerat JSON Schema; relationer bevaras via id-referenser.", "XML med XSD samt CSV; formatbeskrivning följer med exportpaketet."],
        "DO-04": ["Export ingår i licensen.", "Ingår i det fasta månadspriset."],
        "DO-05": ["Data behandlas enbart enligt PUB-avtalet.", "Vi behandlar data endast för att leverera tjänsten."],
        "DO-06": ["Förteckning över underbiträden och lagringsländer bifogas.", "Data lagras i Sverige (Stockholm och Göteborg); underbiträden enligt bilaga."],
        "DO-07": ["Radering av poster och hela datamängder görs av Beställarens administratör; säkerhetskopior roteras efter 35 dagar.", "Gallring enligt Beställarens gallringsbeslut stöds; säkerhetskopior sparas i 30 dagar."],
        "DO-08": ["Informationsmodellen publiceras på vår utvecklarportal och uppdateras vid varje release.", "Se bifogad informationsmodell."],
        "EX-01": ["Exitplan bifogas.", "Se bifogad exitplan, version 2.1."],
        "EX-02": ["Återlämning sker i JSON och CSV med formatbeskrivning.", "All data inklusive bilagor levereras i öppna format inom 30 dagar."],
        "EX-03": ["Raderingsintyg lämnas skriftligen.", "Radering inklusive säkerhetskopior bekräftas med intyg."],
        "EX-04": ["Fast timpris för exitstöd anges i prisbilagan.", "Timpris 1 150 kr, fast under hela avtalstiden."],
        "EX-05": ["Övergångsperiod om upp till sex månader med oförändrade villkor.", None],
        "EX-06": ["Provexit genomförs enligt exitplanen.", "Vi genomför provexit årligen tillsammans med kunden."],
        "OS-01": ["Dokument kan sparas som PDF/A-2b och ODT.", "PDF/A och OpenDocument stöds."],
        "OS-02": ["JSON och CSV i UTF-8; scheman publiceras.", "CSV (RFC 4180) och JSON, UTF-8, med JSON Schema."],
        "OS-03": ["OpenID Connect 1.0 och SAML 2.0 stöds mot Beställarens IdP.", "SAML 2.0 mot Beställarens identitetsleverantör."],
        "OS-04": ["SCIM 2.0 stöds.", "Användare och grupper provisioneras via SCIM 2.0."],
        "OS-05": ["Bokningar publiceras som iCalendar-flöde.", "iCal-export (RFC 5545) finns."],
        "OS-06": ["WMS 1.3.0 och WFS 2.0; export i GeoJSON med EPSG:3006.", "GeoPackage-export, SWEREF 99 TM (EPSG:3006)."],
        "OS-07": ["Export enligt FGS Paketstruktur 1.2 finns.", "SIP enligt FGS Paketstruktur och FGS Ärendehantering."],
        "OS-08": ["Accepteras.", None],
        "OS-09": ["Testas i Chrome, Firefox och Safari, två senaste huvudversionerna.", "Ingen klientinstallation krävs."],
        "API-01": ["OpenAPI 3.1-beskrivningen publiceras öppet och bifogas.", "Se bifogad openapi.yaml."],
        "API-02": ["Dokumentation med exempel finns öppet på vår utvecklarportal.", None],
        "API-03": ["OAuth 2.0 client credentials samt OIDC för användarflöden.", "OAuth 2.0 och OpenID Connect."],
        "API-04": ["Alla objekt, metadata och bilagor kan läsas via API.", None],
        "API-05": ["Fullständigt skriv-API (POST/PUT/PATCH).", None],
        "API-06": ["API-användning ingår i licensen.", "Ingår i det fasta priset."],
        "API-07": ["Versionspolicy bifogas.", "Semantisk versionering; utfasning med 12 månaders varsel."],
        "API-08": ["SLA med 99,5 % tillgänglighet och anropsgränser bifogas.", "Se SLA, avsnitt 4."],
        "API-09": ["Felsvar som application/problem+json.", "Problem Details (RFC 9457)."],
        "API-10": ["Endast HTTPS, TLS 1.2 och 1.3.", None],
        "API-11": ["Parametern modifiedSince samt cursor-baserad paginering.", None],
        "API-12": ["Webhooks konfigureras av administratör.", "Webhooks för skapa, ändra och ta bort."],
        "API-13": ["API:erna följer REST API-profilen; avvikelser redovisas i bilaga.", "Inga avvikelser från profilens obligatoriska regler."],
    },
    "en": {
        "DATA-OWNERSHIP": ["All data in the system belongs to the customer (standard terms, section 9)."],
        "OPEN-STANDARDS": ["Built on OpenID Connect, SAML 2.0, OpenAPI 3.1, PDF/A and ODF."],
        "OPEN-APIS": ["Documented REST APIs described in OpenAPI 3.1."],
        "DO-01": ["Covers metadata, audit logs and derived data."],
        "DO-02": ["Administrators can run a full export at any time from the admin console."],
        "DO-03": ["JSON with a published JSON Schema; relations are kept as id references."],
        "DO-04": ["Included in the subscription price."],
        "DO-05": ["Data is processed solely to deliver the service, as set out in the DPA."],
        "DO-06": ["List of subprocessors and data locations attached."],
        "DO-07": ["Backups are kept for 30 days, after which deleted data is gone."],
        "DO-08": ["The information model is published with every release."],
        "EX-01": ["Exit plan attached."],
        "EX-02": ["Data is returned as JSON and CSV with format documentation."],
        "EX-03": ["A deletion certificate is provided."],
        "EX-04": ["Fixed hourly rate stated in the price schedule."],
        "EX-05": ["Up to six months on unchanged terms."],
        "EX-06": ["Trial exit carried out annually with the customer."],
        "OS-01": ["PDF/A-2b and ODT are supported."],
        "OS-02": ["JSON and CSV in UTF-8 with published schemas."],
        "OS-03": ["OpenID Connect 1.0 and SAML 2.0 are supported."],
        "OS-04": ["SCIM 2.0 provisioning is supported."],
        "OS-05": ["Bookings are published as an iCalendar feed."],
        "OS-06": ["WMS 1.3.0, WFS 2.0 and GeoJSON export with EPSG codes."],
        "OS-07": ["SIP export according to FGS Package Structure 1.2."],
        "OS-08": ["Accepted."],
        "OS-09": ["Tested in Chrome, Firefox and Safari (two latest major versions)."],
        "API-01": ["OpenAPI 3.1 description published openly and attached."],
        "API-02": ["Public developer portal with request and response examples."],
        "API-03": ["OAuth 2.0 and OpenID Connect."],
        "API-04": ["All objects, metadata and attachments are exposed."],
        "API-05": ["Full write API (POST/PUT/PATCH)."],
        "API-06": ["API use is included in the licence."],
        "API-07": ["Versioning policy attached; 12 months' deprecation notice."],
        "API-08": ["SLA with 99.5 % availability and documented rate limits attached."],
        "API-09": ["Errors are returned as application/problem+json."],
        "API-10": ["HTTPS only, TLS 1.2 and 1.3."],
        "API-11": ["modifiedSince filter and cursor-based pagination."],
        "API-12": ["Webhooks for create, update and delete events."],
        "API-13": ["Follows the DIGG REST API profile with no deviations from its mandatory rules."],
    },
}

# Default attachment per evidence-required requirement; {slug} is the vendor's short name.
ATTACH = {
    "kebab": {
        "DO-06": "bilaga-4-underbitraden.pdf", "DO-08": "bilaga-5-informationsmodell.pdf",
        "EX-01": "bilaga-3-exitplan.pdf", "EX-04": "bilaga-2-prisbilaga.xlsx",
        "API-01": "https://api.{slug}.example/openapi.json", "API-07": "bilaga-6-versionspolicy.pdf",
        "API-08": "bilaga-7-sla.pdf",
    },
    "titled": {
        "DO-06": "Bilaga 4 Underbiträden och lagringsplatser.pdf", "DO-08": "Bilaga 5 Informationsmodell.pdf",
        "EX-01": "Bilaga 3 Exitplan.pdf", "EX-04": "Bilaga 2 Prisbilaga.xlsx",
        "API-01": "https://developer.{slug}.example/openapi/v2.yaml", "API-07": "Bilaga 6 Versionshantering.pdf",
        "API-08": "Bilaga 7 SLA.pdf",
    },
    "en": {
        "DO-06": "appendix-4-subprocessors.pdf", "DO-08": "https://docs.{slug}.example/information-model",
        "EX-01": "appendix-3-exit-plan.pdf", "EX-04": "appendix-2-price-schedule.xlsx",
        "API-01": "https://api.{slug}.example/openapi.json", "API-07": "appendix-6-versioning-policy.pdf",
        "API-08": "appendix-7-sla.pdf",
    },
}

KEEP = "<keep>"   # use the file's default (comment or attachment) for this field


@dataclass
class A:
    """A non-default answer and the outcome it should get."""
    answer: object
    comment: object = None
    evidence: object = KEEP
    label: str = "not_verified"
    tag: str = "hedge"
    text: str | None = None


def hedge(answer, comment=None, evidence=KEEP, tag="hedge"):
    return A(answer, comment, evidence, "not_verified", tag)


def partly(answer="Delvis", comment=None, evidence=KEEP):
    return A(answer, comment, evidence, "not_verified", "partly")


def no(answer="Nej", comment=None):
    return A(answer, comment, None, "not_met", "no")


def blank(answer="", comment=None):
    return A(answer, comment, None, "not_met", "blank")


def noevid(answer="Ja", comment=None):
    return A(answer, comment, None, "not_verified", "evidence_missing")


def tricky(answer, comment=None, evidence=KEEP):
    return A(answer, comment, evidence, "met", "tricky_negative")


def contra(answer, comment, evidence=KEEP):
    """A plain yes whose own comment contradicts the requirement (a fact, not a hedge word)."""
    return A(answer, comment, evidence, "not_verified", "contradiction")


def reworded(text, answer="Ja", comment=KEEP, evidence=KEEP):
    return A(answer, comment, evidence, "not_verified", "reworded_text", text)


def nearcopy(text, answer="Ja", comment=KEEP, evidence=KEEP):
    return A(answer, comment, evidence, "met", "near_copy_text", text)


def yesv(answer, comment=KEEP, evidence=KEEP):
    """A clear yes in an unusual form ("Ja, se bilaga 3", "Uppfyllt")."""
    return A(answer, comment, evidence, "met", "yes_variant")


@dataclass
class Row:
    rid: str
    level: str
    text: str
    answer: object
    comment: object
    evidence: object
    label: str
    tag: str | None


def build_rows(lang, slug, over=None, omit=(), yes=("Ja",), comments="all", offset=0,
               attach="kebab", text_lang=None):
    """Resolve a file's answers: a clear yes everywhere except the overrides in `over`."""
    over = over or {}
    unknown = (set(over) | set(omit)) - set(IDS)
    if unknown:
        raise SystemExit(f"unknown requirement ids: {sorted(unknown)}")
    text_lang = text_lang or lang
    rows = []
    for i, rid in enumerate(IDS):
        if rid in omit:
            continue
        pool = COMMENT[lang][rid]
        if comments == "all" or (comments == "sparse" and (i + offset) % 3 == 0):
            default_comment = pool[(i + offset) % len(pool)]
        else:
            default_comment = None
        if rid in EVIDENCE_REQUIRED:
            default_evidence = ATTACH[attach][rid].format(slug=slug)
        else:
            default_evidence = None
        o = over.get(rid)
        if o is None:
            rows.append(Row(rid, LEVEL[rid], TEXT[text_lang][rid], yes[i % len(yes)],
                            default_comment, default_evidence, "met", None))
            continue
        rows.append(Row(
            rid, LEVEL[rid], o.text or TEXT[text_lang][rid], o.answer,
            default_comment if o.comment == KEEP else o.comment,
            default_evidence if o.evidence == KEEP else o.evidence,
            o.label, o.tag))
    return rows


def expectations(rows, omit=()):
    """{id: outcome} for everything that is not `met`, in set order."""
    labels = {r.rid: r.label for r in rows if r.label != "met"}
    labels.update({rid: "not_met" for rid in omit})
    return {rid: labels[rid] for rid in IDS if rid in labels}


def phenomena(rows, omit=()):
    tags = []
    for r in rows:
        if r.tag:
            tag = r.tag
            if tag in ("no", "blank", "partly"):
                tag = f"{tag}_{r.level}"
            tags.append(tag)
    tags += ["missing_" + LEVEL[rid] for rid in omit]
    return tags


# ------------------------------------------------------------------------------------------------
# Workbook writing
# ------------------------------------------------------------------------------------------------
FIXED = datetime(2026, 1, 15, 9, 0, 0)
LEVEL_WORDS = {
    "skall": {"must": "Skall", "should": "Bör"},
    "ska": {"must": "Ska", "should": "Bör"},
    "en": {"must": "Must", "should": "Should"},
}
INSTRUCTIONS = {
    "sv": [
        "Instruktioner för besvarande av kravmatrisen",
        "",
        "1. Besvara samtliga krav i fliken Krav.",
        "2. Ett skall-krav som inte uppfylls medför att anbudet förkastas.",
        "3. Bör-krav utvärderas enligt förfrågningsunderlaget, avsnitt 6.",
        "4. Där bevis efterfrågas ska bilagans namn anges i kolumnen för bilaga/referens.",
        "5. Kravtexterna och kolumnernas ordning får inte ändras.",
    ],
    "en": [
        "Instructions for completing the compliance matrix",
        "",
        "1. Answer every requirement on the Requirements sheet.",
        "2. A tender that does not meet a mandatory requirement will be rejected.",
        "3. Where evidence is requested, name the attachment in the Reference column.",
        "4. Do not change the requirement texts or the order of the columns.",
    ],
}


def ev_str(evidence, sep=", "):
    if evidence is None:
        return None
    if isinstance(evidence, (list, tuple)):
        return sep.join(evidence) or None
    return evidence or None


def col_id(r):
    return r.rid


def col_text(r):
    return r.text


def col_answer(r):
    return r.answer if r.answer != "" else None


def col_comment(r):
    return r.comment


def col_evidence(r):
    return ev_str(r.evidence)


def col_level(words):
    return lambda r: LEVEL_WORDS[words][r.level]


def col_mark(which, mark="X"):
    """Ja/Nej tick columns: the row's answer is "Ja", "Nej", "" (neither) or "Båda" (both)."""
    def f(r):
        if r.answer == "Båda" or r.answer == which:
            return mark
        return None
    return f


def _bold(cell, fill=True):
    from openpyxl.styles import Font, PatternFill
    cell.font = Font(bold=True)
    if fill:
        cell.fill = PatternFill("solid", start_color="D9E1F2", end_color="D9E1F2")


def _widths(ws, widths):
    from openpyxl.utils import get_column_letter
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


def add_instructions(wb, lang, title="Instruktioner"):
    ws = wb.create_sheet(title)
    for i, line in enumerate(INSTRUCTIONS[lang], start=1):
        ws.cell(row=i, column=1, value=line or None)
    _bold(ws.cell(row=1, column=1), fill=False)
    ws.column_dimensions["A"].width = 100
    return ws


def write_table(ws, cols, rows, *, title_rows=(), section_lang=None, numbering=None,
                widths=None, header_row_values=None):
    """Title rows, one header row, then one row per answer (optionally with section rows)."""
    from openpyxl.styles import Alignment
    r = 1
    for t in title_rows:
        values = t if isinstance(t, tuple) else (t,)
        for c, v in enumerate(values, start=1):
            ws.cell(row=r, column=c, value=v)
        if values and values[0]:
            _bold(ws.cell(row=r, column=1), fill=False)
        r += 1
    headers = header_row_values or [h for h, _ in cols]
    for c, h in enumerate(headers, start=1):
        _bold(ws.cell(row=r, column=c, value=h))
    header_row = r
    r += 1
    current = None
    for row in rows:
        p = principle_of(row.rid)
        if section_lang and p != current:
            current = p
            label = PRINCIPLE[section_lang][p]
            if numbering:
                label = f"{numbering(row, section=True)} {label}"
            _bold(ws.cell(row=r, column=1, value=label), fill=False)
            r += 1
        for c, (_, fn) in enumerate(cols, start=1):
            v = fn(row)
            cell = ws.cell(row=r, column=c, value=v)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        r += 1
    if widths:
        _widths(ws, widths)
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    return r


def save(wb, name, vendor):
    wb.properties.creator = vendor
    wb.properties.lastModifiedBy = vendor
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":   # openpyxl stamps "modified" with now()
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(<)", rb"\g<1>2026-01-15T09:00:00Z\2", data)
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 15, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            z.writestr(zi, data)
    (HERE / name).write_bytes(out.getvalue())


# ------------------------------------------------------------------------------------------------
# The workbooks
# ------------------------------------------------------------------------------------------------
def sv(rid):
    return TEXT["sv"][rid]


def en(rid):
    return TEXT["en"][rid]


def changed(text, old, new):
    """Reword a requirement text; fail loudly if the set text no longer contains `old`."""
    if old not in text:
        raise SystemExit(f"cannot reword: {old!r} not in {text!r}")
    return text.replace(old, new)


STD_SV = [("Krav-ID", col_id), ("Kravtext", col_text), ("Typ", col_level("skall")),
          ("Svar", col_answer), ("Kommentar", col_comment), ("Bilaga", col_evidence)]
WIDE = [12, 80, 8, 24, 50, 34]


def wb_lovgren(spec, rows):
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.title = "Kravmatris"
    cols = [("Krav-ID", col_id), ("Kravtext", col_text), ("Ja", col_mark("Ja")),
            ("Nej", col_mark("Nej")), ("Kommentar", col_comment), ("Referens", col_evidence)]
    write_table(ws, cols, rows, widths=[12, 80, 6, 6, 50, 34], title_rows=[
        "Bilaga 4 – Kravmatris, Bokningssystem för lokaler och anläggningar, Dnr KFN 2026/14",
        "Markera med X i kolumnen Ja eller Nej. Anbudsgivare: Lövgren Data AB", ()])
    return wb


def wb_sundsvik(spec, rows):
    from openpyxl import Workbook
    wb = Workbook()
    wb.remove(wb.active)
    add_instructions(wb, "sv")
    ws = wb.create_sheet("Krav")
    cols = [("Krav-ID", col_id), ("Kravtext", col_text), ("Skall/Bör", col_level("skall")),
            ("Ja", col_mark("Ja", "x")), ("Nej", col_mark("Nej", "x")),
            ("Kommentar", col_comment), ("Bilaga", col_evidence)]
    write_table(ws, cols, rows, widths=[12, 80, 10, 6, 6, 50, 34])
    return wb


def wb_tallbacka(spec, rows):
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.title = "Kravuppfyllnad"
    cols = [("Kravnr", col_id), ("Krav", col_text), ("Nivå", col_level("ska")),
            ("Uppfyllt", col_answer), ("Kommentar", col_comment), ("Bilaga", col_evidence)]
    write_table(ws, cols, rows, widths=[12, 80, 8, 18, 50, 38], title_rows=[
        "Kravuppfyllnad – Tallbacka Software AB, Verksamhetssystem för äldreomsorg SN 2026/3", ()])
    return wb


def wb_std(sheet, title_rows=(), instructions=None, cols=STD_SV, widths=WIDE, footer=None,
           section_lang=None, validation=None):
    def build(spec, rows):
        from openpyxl import Workbook
        wb = Workbook()
        wb.remove(wb.active)
        if instructions:
            add_instructions(wb, instructions, "Instruktioner" if instructions == "sv" else "Instructions")
        ws = wb.create_sheet(sheet)
        end = write_table(ws, cols, rows, title_rows=title_rows, widths=widths,
                          section_lang=section_lang)
        if footer:
            ws.cell(row=end + 1, column=1, value=footer)
        if validation:
            from openpyxl.worksheet.datavalidation import DataValidation
            dv = DataValidation(type="list", formula1=validation, allow_blank=True)
            ws.add_data_validation(dv)
            dv.add(f"D1:D{end}")
        return wb
    return build


def wb_bergslagen(spec, rows):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment
    wb = Workbook()
    ws = wb.active
    ws.title = "Kravmatris"
    write_table(ws, STD_SV[:2] + [("Skall/Bör", col_level("skall"))] + STD_SV[3:], rows, widths=WIDE,
                title_rows=["Skoladministrativt system BUN 2025/77 – Kravmatris",
                            ("Krav", None, None, "Leverantörens svar", None, None)])
    ws.merge_cells("A2:C2")
    ws.merge_cells("D2:F2")
    for ref in ("A2", "D2"):
        _bold(ws[ref])
        ws[ref].alignment = Alignment(horizontal="center")
    return wb


def wb_solvik(spec, rows):
    """The buyer's own numbering (4.2.1 ...) instead of set ids: rows are matched by text."""
    from openpyxl import Workbook
    numbers, counters = {}, {}
    sections = {"": "4.1", "DO": "4.2", "EX": "4.3", "OS": "4.4", "API": "4.5"}
    for r in rows:
        p = principle_of(r.rid)
        counters[p] = counters.get(p, 0) + 1
        numbers[r.rid] = f"{sections[p]}.{counters[p]}"

    def numbering(r, section=False):
        return sections[principle_of(r.rid)] if section else numbers[r.rid]
    wb = Workbook()
    ws = wb.active
    ws.title = "Krav"
    cols = [("Nr", numbering), ("Kravtext", col_text), ("Kravtyp", col_level("ska")),
            ("Svar", col_answer), ("Kommentar", col_comment), ("Bilaga", col_evidence)]
    write_table(ws, cols, rows, widths=[8, 80, 8, 24, 50, 34], section_lang="sv",
                numbering=numbering,
                title_rows=["Bilaga 3 Kravspecifikation med svarsmatris, Växel och kontaktcenter KS 2026/5", ()])
    return wb


def wb_norrvik(spec, rows):
    """One sheet per principle after an instructions sheet."""
    from openpyxl import Workbook
    wb = Workbook()
    wb.remove(wb.active)
    add_instructions(wb, "sv")
    names = {"": "Övergripande", "DO": "Dataägande", "EX": "Exit", "OS": "Öppna standarder", "API": "API"}
    for p, name in names.items():
        ws = wb.create_sheet(name)
        write_table(ws, STD_SV, [r for r in rows if principle_of(r.rid) == p], widths=WIDE,
                    title_rows=[f"{PRINCIPLE['sv'][p]} – Bygglovssystem SBN 2026/12", ()])
    return wb


def messy_id(r):
    return {"DO-03": "do-03", "API-10": "API-10 ", "OS-02": " OS-02", "EX-01": "EX-01\n"}.get(r.rid, r.rid)


WORKBOOKS = [
    dict(file="kravmatris-lovgren-data.xlsx", vendor="Lövgren Data AB", lang="sv", build=wb_lovgren,
         rows=dict(slug="lovgren", comments="sparse", over={
             "DO-04": hedge("Ja", "Export debiteras enligt gällande prislista.", tag="hedge_in_comment"),
             "EX-03": blank(),
             "OS-04": no(),
             "API-07": noevid(),
             "API-09": no(comment="Vi använder ett eget felformat (JSON med felkod och meddelande)."),
         }),
         notes="Title rows above the header; Ja/Nej tick columns marked with X (Krav-ID/Kravtext/Ja/Nej/"
               "Kommentar/Referens). X under Nej = no, neither column marked = blank; a price hedge only in "
               "the comment; evidence-required API-07 ticked Ja without a reference."),
    dict(file="anbudssvar-sundsvik-it.xlsx", vendor="Sundsvik IT AB", lang="sv", build=wb_sundsvik,
         rows=dict(slug="sundsvik", comments="none", over={
             "DO-07": hedge("Ja", "Radering av hela datamängder direkt av kund kommer i kommande version; idag via support.",
                            tag="hedge_in_comment"),
             "EX-02": no(comment="Data återlämnas som SQL-dump."),
             "OS-01": A("Båda", None, KEEP, "not_verified", "both_marked"),
             "API-04": hedge("Ja", "Gäller inte bilagor, som hämtas via en separat filtjänst.", tag="hedge_in_comment"),
             "API-13": no(),
         }),
         notes="'Instruktioner' sheet before the 'Krav' sheet; Ja/Nej tick columns with lowercase x; OS-01 "
               "ticked in both columns (ambiguous -> not_verified); exceptions stated only in comments."),
    dict(file="svar-uppfyllt-tallbacka.xlsx", vendor="Tallbacka Software AB", lang="sv", build=wb_tallbacka,
         rows=dict(slug="tallbacka", yes=("Uppfyllt",), comments="sparse", attach="titled", over={
             "DO-05": contra("Uppfyllt", "Anonymiserad data kan användas för statistik och produktförbättring."),
             "DO-08": noevid("Uppfyllt"),
             "EX-01": yesv("Uppfyllt", "Se bilaga 3.", "Bilaga 3 Exitplan.pdf"),
             "OS-06": no("Ej uppfyllt", "WFS stöds inte; endast WMS."),
             "API-02": no("Ej uppfyllt", "Dokumentationen kräver inloggning på kundportalen."),
             "API-11": partly("Delvis uppfyllt", "Paginering finns, ändringsfilter planeras."),
         }),
         notes="'Uppfyllt' answer column (Uppfyllt / Ej uppfyllt / Delvis uppfyllt), Nivå Ska/Bör; a comment "
               "that admits secondary use of anonymised data; DO-08 without attachment."),
    dict(file="kravmatris-clean-ekhagen.xlsx", vendor="Ekhagen Systems AB", lang="sv",
         build=wb_std("Krav", instructions="sv", title_rows=[
             "Kravmatris – Bilaga 2 till förfrågningsunderlaget, Diarie- och ärendehanteringssystem KS 2026/41",
             "Anbudsgivare: Ekhagen Systems AB", ()]),
         rows=dict(slug="ekhagen", yes=("Ja", "Ja", "JA"), comments="all", over={
             "DO-02": tricky("Ja. Exporten ingår i licensen och kräver ingen partner."),
             "DO-04": tricky("Ja, utan extra kostnad"),
             "EX-01": yesv("Ja, se bilaga 3", None, "bilaga-3-exitplan.pdf"),
             "EX-05": tricky("Ja, utan förbehåll."),
             "API-04": tricky("Ja, ingen begränsning finns för vilka objekt som kan läsas."),
             "API-11": tricky("Ja, detta ingår redan i nuvarande version"),
         }),
         notes="CLEAN: every requirement met. Instruktioner sheet, two title rows; tricky negatives "
               "(utan extra kostnad, ingen partner, nuvarande version, utan förbehåll, ingen begränsning)."),
    dict(file="compliance-matrix-heliograph.xlsx", vendor="Heliograph Software Ltd", lang="en",
         build=wb_std("Requirements", instructions="en",
                      title_rows=["Compliance matrix – Case management system, ref. KS 2026/41", ()],
                      cols=[("Requirement ID", col_id), ("Requirement", col_text), ("Type", col_level("en")),
                            ("Compliant (Yes/No)", col_answer), ("Comment", col_comment),
                            ("Reference", col_evidence)]),
         rows=dict(slug="heliograph", yes=("Yes",), comments="sparse", attach="en", over={
             "DO-02": hedge("Yes, on request", "Full exports are produced by our service desk."),
             "DO-03": hedge("Yes, in our own format"),
             "EX-06": no("No"),
             "OS-03": hedge("Yes, provided that the customer uses Microsoft Entra ID"),
             "OS-04": partly("Partly", "SCIM 2.0 for users; groups are on the roadmap."),
             "OS-07": no("No", "FGS is a Swedish standard that we do not support."),
             "API-01": tricky("Yes, no NDA is required"),
             "API-06": tricky("Yes, at no additional cost"),
             "API-08": contra("Yes", "99.0 % monthly availability."),
         }),
         notes="English header (Requirement ID/Requirement/Type/Compliant (Yes/No)/Comment/Reference), "
               "Instructions sheet; English hedges; tricky 'at no additional cost' and 'no NDA is required'; "
               "an SLA comment below the required 99.5 %."),
    dict(file="kravmatris-merged-bergslagen.xlsx", vendor="Bergslagens Dataservice AB", lang="sv",
         build=wb_bergslagen,
         rows=dict(slug="bergslagen", comments="sparse", offset=1, attach="titled", over={
             "OPEN-STANDARDS": hedge("Ja, i huvudsak"),
             "DO-06": yesv("Ja, se bilaga 4", None, "Bilaga 4 - Underbiträden.pdf"),
             "EX-04": contra("Ja", "Timpriset indexregleras årligen enligt KPI."),
             "OS-02": tricky("Ja, i öppet format (CSV och JSON)"),
             "API-03": hedge("Ja, OAuth 2.0. OpenID Connect i kommande version."),
             "API-05": blank(),
             "API-12": no(),
         }),
         notes="Two-row header with merged group cells ('Krav' over A:C, 'Leverantörens svar' over D:F); "
               "an indexed hourly rate contradicts 'fast under hela avtalstiden'; tricky 'i öppet format'."),
    dict(file="kravmatris-kommunnr-solvik.xlsx", vendor="Solvik Digital AB", lang="sv", build=wb_solvik,
         rows=dict(slug="solvik", comments="sparse", offset=2, over={
             "DO-01": nearcopy(changed(sv("DO-01"), "all data som", "all data  som")),
             "DO-02": nearcopy(changed(sv("DO-02"), "Beställaren ska", "Beställaren skall")),
             "DO-07": contra("Ja", "Radering ur säkerhetskopior sker inom 180 dagar."),
             "EX-05": hedge("Ja, förutsatt att kunden tecknar supportavtal"),
             "OS-02": nearcopy(sv("OS-02").rstrip(".")),
             "OS-05": no(),
             "API-10": nearcopy(changed(sv("API-10"), "senare, och", "senare,\noch")),
             "API-11": no(),
         }),
         notes="NO set ids: the buyer's own numbering (4.2.1 ...) with section rows; rows must be matched by "
               "requirement text. Near-exact copies (skall for ska, double space, line break, missing final "
               "period) stay met."),
    dict(file="anbud-kravsvar-stenudden.xlsx", vendor="Stenudden Data AB", lang="sv",
         build=wb_std("Kravsvar", title_rows=["Stenudden Data AB – svar på krav, Ekonomisystem KS 2026/19"],
                      cols=[("Kravtext", col_text), ("Ja/Nej", col_answer), ("Kommentar", col_comment),
                            ("Bilaga", col_evidence)], widths=[80, 14, 50, 34]),
         rows=dict(slug="stenudden", comments="sparse", offset=1, over={
             "DO-06": reworded(changed(sv("DO-06"), "minst 30 dagar", "minst 10 dagar")),
             "EX-06": no(),
             "OS-03": hedge("Ja, mot tillägg"),
             "API-06": contra("Ja", "Ingår upp till 50 000 anrop per månad."),
         }),
         notes="No id column at all: Kravtext/Ja/Nej/Kommentar/Bilaga, matched by text. DO-06 copy says "
               "'minst 10 dagar' instead of 30 (reworded -> not_verified)."),
    dict(file="kravsvar-omformulerad-hagalund.xlsx", vendor="Hagalund Systemhus AB", lang="sv",
         build=wb_std("Krav", title_rows=["Socialtjänstens verksamhetssystem SN 2026/9 – Kravsvar Hagalund Systemhus AB", ()]),
         rows=dict(slug="hagalund", comments="all", offset=1, over={
             "DO-01": nearcopy(changed(sv("DO-01"), "Beställaren ska äga", "Beställaren skall äga")),
             "DO-04": reworded(changed(sv("DO-04"), " utan extra kostnad, oavsett hur ofta exporten görs och hur stor datamängden är.", ".")),
             "EX-02": reworded(changed(sv("EX-02"), "senast 30 dagar", "senast 90 dagar")),
             "OS-06": blank(),
             "API-07": reworded(changed(sv("API-07"), "minst 12 månader", "minst 6 månader")),
             "API-08": reworded(changed(sv("API-08"), "minst 99,5 procents", "minst 99 procents")),
         }),
         notes="Vendor's copy of four requirement texts quietly reworded (utan extra kostnad ... removed, 30 -> 90 "
               "dagar, 12 -> 6 månader, 99,5 -> 99 procent), all answered Ja with attachments -> not_verified; "
               "'skall' for 'ska' in DO-01 is not a change in substance."),
    dict(file="anbudssvar-flikar-norrvik.xlsx", vendor="Norrviks Kommunsystem AB", lang="sv", build=wb_norrvik,
         rows=dict(slug="norrvik", comments="sparse", over={
             "DO-02": hedge("Ja, men endast för ärendedata"),
             "DO-05": tricky("Ja. Data används inte för träning av AI-modeller, analys eller produktutveckling."),
             "EX-04": hedge("Ja, enligt offert"),
             "OS-09": contra("Ja", "Chrome och Edge stöds fullt ut."),
             "API-01": noevid(),
             "API-06": tricky("Ja, det finns inga avgifter per anrop eller per ansluten integration."),
             "API-12": partly(),
         }),
         notes="Instruktioner sheet, then one sheet per principle (Övergripande, Dataägande, Exit, Öppna standarder, "
               "API). OS-09 names two browsers on one engine; tricky negated AI/analys and negated fees."),
    dict(file="response-matrix-bool-aurora.xlsx", vendor="Aurora Civic Software Oy", lang="en",
         build=wb_std("Compliance", title_rows=["Aurora Civic Software Oy – compliance matrix (TRUE = compliant)"],
                      cols=[("Req. no.", col_id), ("Requirement text", col_text), ("Level", col_level("en")),
                            ("Compliant", lambda r: r.answer), ("Vendor comment", col_comment),
                            ("Reference", col_evidence)]),
         rows=dict(slug="aurora", yes=(True,), comments="sparse", attach="en", over={
             "DO-07": contra(True, "Backups are retained for 12 months."),
             "OS-05": no(False),
             "OS-07": blank(None),
             "API-01": hedge(True, "OpenAPI description available on request.", evidence=None),
             "API-05": no(False, "Write access is limited to cases and contacts."),
             "API-08": noevid(True),
         }),
         notes="Compliant column holds Excel booleans TRUE/FALSE (TRUE = yes, FALSE = no, empty = blank); "
               "English."),
    dict(file="tender-response-reworded-kestrel.xlsx", vendor="Kestrel Data Systems Ltd", lang="en",
         build=wb_std("Requirements", instructions="en",
                      title_rows=["Records management platform, ref. 2026/S 041-123456 – tender response"],
                      cols=[("ID", col_id), ("Requirement", col_text), ("Type", col_level("en")),
                            ("Answer", col_answer), ("Comment", col_comment), ("Reference", col_evidence)]),
         rows=dict(slug="kestrel", yes=("Yes",), comments="sparse", offset=2, attach="en", over={
             "DO-06": reworded(changed(en("DO-06"), "at least 30 days before", "where reasonably possible before"), "Yes"),
             "EX-02": reworded(changed(en("EX-02"), "Within 30 days", "Within 90 days"), "Yes"),
             "EX-05": reworded(changed(en("EX-05"), "up to six months", "up to three months"), "Yes"),
             "API-12": no("No"),
         }),
         notes="English requirement texts copied by the vendor, three quietly reworded (30 -> 90 days, "
               "'at least 30 days' -> 'where reasonably possible', six -> three months) and answered Yes."),
    dict(file="kravmatris-avsnitt-rimfrost.xlsx", vendor="Rimfrost Informationssystem AB", lang="sv",
         build=wb_std("Krav", section_lang="sv", validation='"Ja,Nej,Delvis"',
                      cols=[("Krav-ID", messy_id), ("Beskrivning", col_text), ("Typ", col_level("skall")),
                            ("Svar", col_answer), ("Leverantörens kommentar", col_comment),
                            ("Bilaga", col_evidence), ("Poäng (fylls i av beställaren)", lambda r: None)],
                      widths=WIDE + [14]),
         rows=dict(slug="rimfrost", yes=("Ja", "Ja ", "Ja"), comments="sparse", offset=1, over={
             "DO-03": partly(),
             "EX-03": no("Nej", "Intyg om radering lämnas inte; raderingen loggas."),
             "OS-01": partly(),
             "OS-08": no(),
             "API-06": hedge("Ja, mot extra avgift enligt prislista"),
             "API-09": partly(),
             "API-10": blank(),
         }),
         notes="Section rows between the requirements, a dropdown Ja/Nej/Delvis, an empty buyer's 'Poäng' "
               "column; ids with odd case and whitespace ('do-03', 'API-10 ', ' OS-02', 'EX-01' + newline) and "
               "answers with a trailing space still identify the requirement."),
    dict(file="kravsvar-endast-skallkrav-vastanfors.xlsx", vendor="Västanfors Mjukvara AB", lang="sv",
         build=wb_std("Skall-krav", title_rows=["Västanfors Mjukvara AB – svar på skall-krav, Gymnasieantagning BUN 2026/8",
                                                 "Bör-kraven besvaras i separat dokument.", ()]),
         rows=dict(slug="vastanfors", comments="sparse", offset=2, omit=tuple(SHOULD), over={
             "DO-08": noevid(),
         }),
         notes="The vendor deleted every bör-krav row ('besvaras i separat dokument', which is not in the "
               "file): the six should-requirements are missing -> not_met; DO-08 without attachment."),
    dict(file="kravmatris-engelska-svar-fjordkast.xlsx", vendor="Fjordkast Software AS", lang="en",
         build=wb_std("Krav", title_rows=["Kravmatris – Ärendehanteringssystem KS 2026/41", ()]),
         rows=dict(slug="fjordkast", yes=("Yes",), comments="sparse", attach="en", text_lang="sv", over={
             "OPEN-APIS": hedge("Yes, via our partner's API"),
             "DO-02": hedge("Yes, however exports are limited to 10 000 rows"),
             "DO-04": tricky("Yes, at no additional cost"),
             "OS-03": no("No", "Login uses our own user database."),
             "OS-07": hedge("Yes, in a future release"),
             "API-04": hedge("Yes, via our partner's API",
                             "Read access is provided through the integration platform of our partner Integrio."),
             "API-06": tricky("Yes, without any limitation on the number of calls."),
         }),
         notes="Mixed language: Swedish matrix (headers and requirement texts), English answers and comments "
               "from a Norwegian vendor."),
    dict(file="anbudssvar-fotnot-karlsvik.xlsx", vendor="Karlsviks Datakonsult AB", lang="sv",
         build=wb_std("Krav", title_rows=["Lokalbokning och fakturering KFN 2026/21 – anbudssvar", ()],
                      cols=[("Kravnummer",) + STD_SV[0][1:]] + STD_SV[1:],
                      footer="* Gäller från version 8.2 som släpps hösten 2026."),
         rows=dict(slug="karlsvik", comments="sparse", offset=1, over={
             "DO-02": tricky("Ja, exporten kräver inte leverantörens medverkan."),
             "EX-02": hedge("Ja, i möjligaste mån", tag="vague"),
             "OS-07": hedge("Ja*", "Se fotnot.", tag="footnote"),
             "OS-08": tricky("Ja, lösningen är inte beroende av någon specifik produkt eller partner."),
             "OS-09": tricky("Ja, inga insticksprogram krävs."),
             "API-03": hedge("Ja, beroende på modul"),
             "API-06": tricky("Ja, ingen extra kostnad tillkommer"),
         }),
         notes="'Ja*' with a footnote below the table ('Gäller från version 8.2 som släpps hösten 2026'); vague "
               "'i möjligaste mån'; tricky negatives 'inte beroende av ... partner', 'inga insticksprogram', "
               "'kräver inte leverantörens medverkan', 'ingen extra kostnad tillkommer'."),
]


def resolved():
    """(spec, rows, omit) per workbook, in order."""
    out = []
    for spec in WORKBOOKS:
        kw = dict(spec["rows"])
        omit = tuple(kw.get("omit", ()))
        rows = build_rows(spec["lang"], **kw)
        out.append((spec, rows, omit))
    return out


def labels():
    return {spec["file"]: {"expect": expectations(rows, omit), "notes": spec["notes"],
                           "phenomena": phenomena(rows, omit), "lang": spec["lang"],
                           "answers": [r.answer for r in rows if r.label == "met"]}
            for spec, rows, omit in resolved()}


def main(argv):
    if "--labels" in argv:
        for name, lab in labels().items():
            print(f"{name}:")
            for rid, outcome in lab["expect"].items():
                print(f"  {rid}: {outcome}")
        return 0
    for spec, rows, omit in resolved():
        wb = spec["build"](spec, rows)
        save(wb, spec["file"], spec["vendor"])
        print(f"wrote {spec['file']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
