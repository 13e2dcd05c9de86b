// Every string the app shows that is not in the rule pack, in English and Spanish (U.S. Spanish,
// *usted*, wording from docs/glossary-es.md). `{0}`, `{1}` ... are filled by
// `i18n::fill`.
//
// Read twice: `src/i18n.rs` makes the key enum `K` from the names, and `claimcheck pack`
// (`cli/src/ui.rs`; the rule studio's `studio/src/ui.rs` when it publishes; `build.rs` too, for
// the native tests) writes the texts, in this order, into
// one file per language (after the rule pack's texts), so that a person downloads only their own
// language; the `first_load` group also goes into the language's directory file, which is all a
// person downloads before the first question. Keep it a single
// `texts! { first_load { ... } after_pack { ... } }` call; a text shown on the start screen, a
// question or the frame around them belongs in `first_load` (`src/i18n.rs` tests it).
texts! {
    // What the screens before the whole pack show (the start screen, the first question and
    // the frame around them): the directory file of each language carries these only.
    first_load {
        // Frame, on every screen
        AppName => ("claimcheck", "claimcheck"),
        Tagline => ("Data-breach settlement checker", "Verificador de Acuerdos por violaciones de datos"),
        SkipToContent => ("Skip to main content", "Saltar al contenido principal"),
        Privacy => ("Your answers stay on this device.", "Sus respuestas se quedan en este dispositivo."),
        LangOther => ("Español", "English"),
        LangOtherLabel => ("Ver en español", "View in English"),
        LangUnavailableMsg => (
            "The Spanish version could not be downloaded. Check your internet connection and try again. Your answers are kept.",
            "No se pudo descargar la versión en inglés. Revise su conexión a internet y vuelva a intentarlo. Sus respuestas se conservan."
        ),
        LoadingDetails => (
            "Loading the settlement details. This takes a moment; your answer is kept.",
            "Cargando los detalles de los Acuerdos. Esto tarda un momento; su respuesta se conserva."
        ),
        InfoAsOf => ("Settlement information as of {0}.", "Información sobre los Acuerdos al {0}."),
        NewestSource => (
            "The newest source we read is dated {0}. Settlements announced after that are unknown to this checker.",
            "La fuente más reciente que leímos es del {0}. Este verificador no conoce los Acuerdos anunciados después de esa fecha."
        ),
        NotLegalAdvice => (
            "This checker is not legal advice. Only the court and the official settlement website can confirm whether you are in a class.",
            "Esta herramienta no es asesoría legal. Solo el Tribunal y el sitio web oficial del Acuerdo pueden confirmar si usted es miembro del grupo de demandantes."
        ),
        SaveLabel => ("Save my answers on this device", "Guardar mis respuestas en este dispositivo"),
        SaveHint => (
            "Only if you tick this are your answers kept in this browser, so you can come back later. Nothing is ever sent anywhere.",
            "Solo si marca esta casilla se guardan sus respuestas en este navegador, para que pueda volver más tarde. Nunca se envía nada a ningún lugar."
        ),
        SaveBlocked => (
            "This browser does not let this page keep anything on this device (its storage is turned off or blocked), so your answers were not saved. They stay on this page until you close it.",
            "Este navegador no permite que esta página guarde nada en este dispositivo (su almacenamiento está desactivado o bloqueado), así que sus respuestas no se guardaron. Se quedan en esta página hasta que la cierre."
        ),
        SaveFileShared => (
            "Answers are not saved in a copy opened from a file: any other file opened in this browser could read them. They stay on this page until you close it.",
            "Las respuestas no se guardan en una copia abierta desde un archivo: cualquier otro archivo abierto en este navegador podría leerlas. Se quedan en esta página hasta que la cierre."
        ),
        SaveFull => (
            "This browser's storage for this page is full, so your answers were not saved. They stay on this page until you close it.",
            "El almacenamiento de este navegador para esta página está lleno, así que sus respuestas no se guardaron. Se quedan en esta página hasta que la cierre."
        ),
        Forget => ("Forget my answers", "Borrar mis respuestas"),
        ForgottenMsg => (
            "Your answers were erased from this page and from this device.",
            "Sus respuestas se borraron de esta página y de este dispositivo."
        ),
        DroppedTitle => ("Some saved answers were removed", "Se quitaron algunas respuestas guardadas"),
        DroppedMsg => (
            "The settlement information changed since you saved your answers. These answers no longer fit and were removed; you may be asked again:",
            "La información de los Acuerdos cambió desde que guardó sus respuestas. Estas respuestas ya no corresponden y se quitaron; es posible que se le vuelvan a preguntar:"
        ),
        DroppedRetired => (
            "Answers to questions we no longer ask",
            "Respuestas a preguntas que ya no hacemos"
        ),
        UnreadableMsg => (
            "Your saved answers could not be read, so they were removed. Please start again.",
            "No se pudieron leer sus respuestas guardadas, así que se quitaron. Por favor, empiece de nuevo."
        ),
        NotKeptMsg => (
            "Your answers were not kept: the page was reloaded and saving was off. To keep them next time, tick “Save my answers on this device” at the bottom.",
            "Sus respuestas no se conservaron: la página se volvió a cargar y guardar estaba desactivado. Para conservarlas la próxima vez, marque “Guardar mis respuestas en este dispositivo” abajo."
        ),
        Dismiss => ("Dismiss", "Cerrar"),
        Back => ("Back", "Atrás"),
        Continue => ("Continue", "Continuar"),
        NewTab => ("(opens in a new tab)", "(se abre en una pestaña nueva)"),
        PageTitle => ("{0} — claimcheck", "{0} — claimcheck"),

        // Start
        StartTitle => (
            "Check if you can claim from a data-breach settlement",
            "Averigüe si puede presentar un reclamo en un Acuerdo por una violación de datos"
        ),
        StartLead => (
            "Answer a few questions about the data-breach notices you received. We tell you which class actions and settlements you are probably in, what you can claim, what to gather and by when.",
            "Responda unas preguntas sobre los avisos de violación de datos que recibió. Le diremos en qué demandas colectivas y Acuerdos probablemente está incluido, qué puede reclamar, qué debe reunir y para cuándo."
        ),
        StartPrivacy => (
            "Your answers stay on this device. This checker works offline and sends nothing anywhere.",
            "Sus respuestas se quedan en este dispositivo. Esta herramienta funciona sin conexión y no envía nada a ningún lugar."
        ),
        StartTime => (
            "It takes about 3 minutes. Your notice letter or email helps, but you do not need it.",
            "Toma unos 3 minutos. Su carta o correo electrónico de aviso le ayudará, pero no lo necesita."
        ),
        StartButton => ("Start now", "Comenzar"),
        BrowseButton => ("Browse all settlements", "Ver todos los Acuerdos"),
        ResumeButton => ("Continue where you left off", "Continuar donde se quedó"),
        StartAgain => ("Start again", "Empezar de nuevo"),

        // Questions
        QuestionN => ("Question {0}", "Pregunta {0}"),
        Yes => ("Yes", "Sí"),
        No => ("No", "No"),
        NotSure => ("I'm not sure", "No estoy seguro o segura"),
        ErrorSummaryTitle => ("There is a problem", "Hay un problema"),
        ErrorPrefix => ("Error:", "Error:"),
        ErrChooseOne => ("Select an answer", "Seleccione una respuesta"),
        ErrChooseState => (
            "Select a state or territory, or “Outside the United States”",
            "Seleccione un estado o territorio, o “Fuera de los Estados Unidos”"
        ),
        ErrOrgs => (
            "Choose at least one organisation, or choose “None of these” or “I'm not sure who sent it”",
            "Elija al menos una organización, o elija “Ninguna de estas” o “No sé quién lo envió”"
        ),
        ErrMoneyEmpty => ("Enter an amount in dollars, like 250 or 12.50", "Escriba una cantidad en dólares, como 250 o 12.50"),
        ErrMoneyNotNumber => (
            "Enter the amount as a number of dollars, like 250 or 12.50",
            "Escriba la cantidad como un número de dólares, como 250 o 12.50"
        ),
        ErrMoneyNegative => ("The amount cannot be negative", "La cantidad no puede ser negativa"),
        ErrMoneyGrouping => (
            "Commas must separate groups of three digits, like 7,500",
            "Las comas deben separar grupos de tres dígitos, como 7,500"
        ),
        ErrMoneyCents => (
            "Write cents as one or two digits after the point, like 12.50",
            "Escriba los centavos con uno o dos dígitos después del punto, como 12.50"
        ),
        ErrMoneyTooLarge => ("Enter an amount under $1,000,000,000", "Escriba una cantidad menor de $1,000,000,000"),
        ErrHoursEmpty => ("Enter a number of hours, like 2.5", "Escriba un número de horas, como 2.5"),
        ErrHoursFormat => (
            "Enter hours as a number, like 2.5, or as hours and minutes, like 2:30",
            "Escriba las horas como un número, como 2.5, o como horas y minutos, como 2:30"
        ),
        ErrHoursMinutes => ("Minutes must be under 60, like 2:30", "Los minutos deben ser menos de 60, como 2:30"),
        ErrHoursTooMany => (
            "Enter no more than 8,760 hours (a whole year)",
            "Escriba como máximo 8,760 horas (un año completo)"
        ),
        MoneyNotSure => ("I'm not sure of the amount", "No sé la cantidad"),
        HoursNotSure => ("I'm not sure how many hours", "No sé cuántas horas"),
        DollarsLabel => ("Amount in dollars", "Cantidad en dólares"),
        HoursLabel => ("Number of hours", "Número de horas"),
        StateChoose => ("Choose a state or territory", "Elija un estado o territorio"),
        StateOutside => ("Outside the United States", "Fuera de los Estados Unidos"),

        // Organisation picker
        OrgSearchLabel => ("Search by any name on the notice", "Busque por cualquier nombre que aparezca en el aviso"),
        OrgInstructions => (
            "Type 2 letters or more. Use the up and down arrow keys to move through the results and Enter to choose one.",
            "Escriba 2 letras o más. Use las flechas hacia arriba y hacia abajo para moverse por los resultados y Enter para elegir uno."
        ),
        OrgChosen => ("Organisations you chose", "Organizaciones que eligió"),
        OrgNoneChosen => ("You have not chosen any yet.", "Todavía no ha elegido ninguna."),
        OrgRemove => ("Remove {0}", "Quitar {0}"),
        OrgNoMatch => (
            "“{0}” is not in our list of {1} organisations. Try another name from the notice, such as a website or a vendor, or choose “I'm not sure who sent it”.",
            "“{0}” no está en nuestra lista de {1} organizaciones. Pruebe otro nombre del aviso, como un sitio web o un proveedor, o elija “No sé quién lo envió”."
        ),
        OrgResults => ("{0} results", "{0} resultados"),
        OrgResultOne => ("1 result", "1 resultado"),
        OrgAka => ("also known as {0}", "también conocida como {0}"),
        OrgAdded => ("{0} added. {1} chosen.", "Se agregó {0}. Organizaciones elegidas: {1}."),
        OrgRemoved => ("{0} removed. {1} chosen.", "Se quitó {0}. Organizaciones elegidas: {1}."),
        OrgNone => ("None of these", "Ninguna de estas"),
        OrgNotSure => ("I'm not sure who sent it", "No sé quién lo envió"),
        OrgOr => ("or", "o"),

        // Paths for the unsure, under the organisation picker
        NotListedTitle => ("My organisation isn't listed", "Mi organización no aparece en la lista"),
        NotListedLook => (
            "Look at the letter or email again, and search for any other name on it:",
            "Vuelva a mirar la carta o el correo electrónico y busque cualquier otro nombre que aparezca:"
        ),
        NotListedSite => ("the website it tells you to visit;", "el sitio web que le pide visitar;"),
        NotListedVendor => (
            "a company that worked for the sender, such as a software or billing company (a vendor);",
            "una compañía que trabajaba para quien lo envió, como una compañía de programas o de facturación (un proveedor);"
        ),
        NotListedParent => ("the parent company, or the company that mailed the letter.", "la compañía matriz, o la compañía que envió la carta por correo."),
        NotListedCovers => (
            "Our list has {0} settlements and {1} organisations, with facts as of {2}.",
            "Nuestra lista tiene {0} Acuerdos y {1} organizaciones, con información al {2}."
        ),
        NotListedCoversOrgs => (
            "Our list has {0} organisations, with facts as of {1}.",
            "Nuestra lista tiene {0} organizaciones, con información al {1}."
        ),
        NotListedMissing => (
            "A settlement can exist and not be on our list. If your letter names a settlement website, that site can tell you more.",
            "Puede existir un Acuerdo que no esté en nuestra lista. Si su carta menciona el sitio web de un Acuerdo, ese sitio puede darle más información."
        ),
        NoNoticeTitle => ("I didn't get a notice", "No recibí un aviso"),
        NoNoticeHow => (
            "Most people learn they were affected from a letter or email. It comes from the organisation that had their data, or later from the company that runs the settlement's claims.",
            "La mayoría de las personas se enteran de que fueron afectadas por una carta o un correo electrónico. Lo envía la organización que tenía sus datos, o más tarde la compañía que maneja los reclamos del Acuerdo."
        ),
        NoNoticeClass => (
            "To get money from a settlement, you must be in its class: the group of people it covers. Most classes are the people who were sent a notice. Without one, there is usually nothing to claim.",
            "Para recibir dinero de un Acuerdo, usted debe formar parte de su grupo de demandantes: las personas que el Acuerdo cubre. Casi siempre son las personas a quienes se envió un aviso. Sin un aviso, normalmente no hay nada que reclamar."
        ),
        NoNoticeDo => (
            "What you can do: look in your spam folder and old mail. Ask the organisation you think had your data if you were affected. To check anyway, choose “None of these”: we will ask only what matters for people without a notice.",
            "Qué puede hacer: revise su carpeta de correo no deseado y su correo antiguo. Pregúntele a la organización que cree que tenía sus datos si usted fue afectado. Para verificar de todos modos, elija “Ninguna de estas”: solo le preguntaremos lo que importa para las personas sin un aviso."
        ),

        // A settlement's name as a Spanish heading says it (English: the name as written)
        TitleSettlement => ("{0}", "Acuerdo de {0}"),
        TitleCase => ("{0}", "Caso de {0}"),

        // Page-address settings (src/embed.rs)
        ParamsTitle => (
            "Some settings in this page's address could not be used",
            "No se pudieron usar algunos ajustes de la dirección de esta página"
        ),
        ParamDidYouMean => ("Did you mean “{0}”?", "¿Quiso decir “{0}”?"),
        ParamUnknownKey => (
            "“{0}” is not a setting this checker knows, so it was ignored.",
            "“{0}” no es un ajuste que esta herramienta conozca, así que se ignoró."
        ),
        ParamRepeated => (
            "“{0}” is given more than once; only the first one was used.",
            "“{0}” aparece más de una vez; solo se usó el primero."
        ),
        ParamBadFlag => (
            "“{0}” takes no value, but it was given “{1}”; it was turned on.",
            "“{0}” no lleva valor, pero se le dio “{1}”; se activó."
        ),
        ParamEmpty => ("“{0}” needs a value, so it was ignored.", "“{0}” necesita un valor, así que se ignoró."),
        ParamBadLang => (
            "The language “{0}” is not available. Use en (English) or es (Spanish).",
            "El idioma “{0}” no está disponible. Use en (inglés) o es (español)."
        ),
        ParamBadColour => (
            "The accent colour “{0}” is not a colour of 3 or 6 hexadecimal digits, such as 1d4ed8, so the usual colours are used.",
            "El color de acento “{0}” no es un color de 3 o 6 dígitos hexadecimales, como 1d4ed8, así que se usan los colores habituales."
        ),
        ParamAccentDarkened => (
            "The accent colour {0} is too light for text to be read on it, so the darker {1} is used.",
            "El color de acento {0} es demasiado claro para leer texto sobre él, así que se usa el tono más oscuro {1}."
        ),
        ParamUnknownSettlement => (
            "We don't know a settlement with the id “{0}”.",
            "No conocemos un Acuerdo con el identificador “{0}”."
        ),
        ParamNotText => (
            "The value of “{0}” is not readable text, so it was ignored.",
            "El valor de “{0}” no es texto legible, así que se ignoró."
        ),
        ParamTooLong => ("The value of “{0}” is too long, so it was ignored.", "El valor de “{0}” es demasiado largo, así que se ignoró."),
        ParamTooMany => (
            "The address has too many settings; only the first {0} were read.",
            "La dirección tiene demasiados ajustes; solo se leyeron los primeros {0}."
        ),

        // Leave, and shared computers
        Leave => ("Exit this page", "Salir de esta página"),
        ExitExplained => (
            "“Exit this page”, at the top of every screen, erases your answers at once. So does pressing Escape twice.",
            "“Salir de esta página”, arriba en cada pantalla, borra sus respuestas de inmediato. También lo hace presionar Escape dos veces."
        ),
        LeaveHint => (
            "Erases your answers and opens a different page. You can also press Escape twice.",
            "Borra sus respuestas y abre otra página. También puede presionar Escape dos veces."
        ),
        LeaveHintEmbed => (
            "Erases your answers. You can also press Escape twice.",
            "Borra sus respuestas. También puede presionar Escape dos veces."
        ),
        SharedLabel => (
            "This is a shared computer (for example, at a library or clinic)",
            "Esta es una computadora compartida (por ejemplo, en una biblioteca o clínica)"
        ),
        SharedHint => (
            "Your answers will be erased after 15 minutes without activity. You will be warned 1 minute before.",
            "Sus respuestas se borrarán después de 15 minutos sin actividad. Se le avisará 1 minuto antes."
        ),
        IdleTitle => ("Are you still there?", "¿Sigue ahí?"),
        IdleBody => (
            "Your answers will be erased in 1 minute because this is a shared computer.",
            "Sus respuestas se borrarán en 1 minuto porque esta es una computadora compartida."
        ),
        IdleKeep => ("Keep my answers", "Conservar mis respuestas"),

        // Offline copy (start screen)
        OfflineTitle => ("Use it offline", "Úselo sin conexión"),
        OfflineBody => (
            "Save the whole checker as one file. Open it in your browser at any time, even with no internet connection.",
            "Guarde toda la herramienta en un solo archivo. Ábralo en su navegador cuando quiera, incluso sin conexión a internet."
        ),
        OfflineLink => ("Download the checker (claimcheck.html)", "Descargar la herramienta (claimcheck.html)"),

        // Titles and notices of every screen, and the start screen's warning
        ResultsTitle => ("Your results", "Sus resultados"),
        SettlementTitle => ("A settlement's details", "Detalles de un Acuerdo"),
        ClockBody => (
            "Your device's clock says {0}, before the date of this information ({1}), so deadlines would be counted wrong. Set your device's date, then reload the page.",
            "El reloj de su dispositivo dice {0}, antes de la fecha de esta información ({1}), así que las fechas límite se contarían mal. Ajuste la fecha de su dispositivo y vuelva a cargar la página."
        ),
        ScamTitle => ("You never need to pay to claim", "Nunca necesita pagar para presentar un reclamo"),
        ScamBody => (
            "Filing services take 15–40% of what you get. Claim for free on the official website listed here, and be wary of any other site or caller that asks for money or for your notice's ID.",
            "Los servicios que presentan reclamos por usted se quedan con entre el 15 % y el 40 % de lo que recibe. Presente su reclamo gratis en el sitio web oficial que aparece aquí, y desconfíe de cualquier otro sitio o llamada que le pida dinero o el número de su aviso."
        ),
        ScamBodyClosed => (
            "Filing services take 15–40% of what you get, and no one can file a claim for you after the deadline. Be wary of any site or caller that asks for money or for your notice's ID.",
            "Los servicios que presentan reclamos por usted se quedan con entre el 15 % y el 40 % de lo que recibe, y nadie puede presentar un reclamo por usted después de la fecha límite. Desconfíe de cualquier sitio o llamada que le pida dinero o el número de su aviso."
        ),
        SummaryTitle => ("Check your answers", "Revise sus respuestas"),
        BrowseTitle => ("All settlements we know about", "Todos los Acuerdos que conocemos"),
    }
    // What only the screens after the whole pack show (results, summary, a settlement, the
    // list): only the text files, fetched in the background, carry these.
    after_pack {
        // Results
        ResultsNone => (
            "Based on your answers, we did not find a settlement you are likely to be in.",
            "Según sus respuestas, no encontramos un Acuerdo en el que probablemente esté incluido."
        ),
        VerdictMember => (
            "You are very likely included in the {0} settlement class.",
            "Es muy probable que usted forme parte del grupo de demandantes del Acuerdo de {0}."
        ),
        VerdictLikely => (
            "You are probably included in the {0} settlement class.",
            "Probablemente usted forma parte del grupo de demandantes del Acuerdo de {0}."
        ),
        VerdictCantTell => (
            "We can't tell yet whether you are included in the {0} settlement class.",
            "Todavía no podemos saber si usted forma parte del grupo de demandantes del Acuerdo de {0}."
        ),
        VerdictNot => ("You are not in the {0} settlement class.", "Usted no forma parte del grupo de demandantes del Acuerdo de {0}."),
        VerdictLikelyPending => (
            "You may be included in the {0} case if it wins or settles.",
            "Usted podría formar parte del caso de {0} si se gana o se llega a un Acuerdo."
        ),
        VerdictCantTellPending => (
            "We can't tell yet whether you are in the proposed class in the {0} case.",
            "Todavía no podemos saber si usted forma parte del grupo de demandantes propuesto en el caso de {0}."
        ),
        VerdictNotPending => (
            "You are not in the proposed class in the {0} case.",
            "Usted no forma parte del grupo de demandantes propuesto en el caso de {0}."
        ),
        ChildMember => (
            "Your child is very likely included in the {0} settlement class.",
            "Es muy probable que su hijo o hija forme parte del grupo de demandantes del Acuerdo de {0}."
        ),
        ChildLikely => (
            "Your child is probably included in the {0} settlement class.",
            "Probablemente su hijo o hija forma parte del grupo de demandantes del Acuerdo de {0}."
        ),
        ChildCantTell => (
            "We can't tell yet whether your child is in the {0} settlement class.",
            "Todavía no podemos saber si su hijo o hija forma parte del grupo de demandantes del Acuerdo de {0}."
        ),
        ChildNot => (
            "Your child is not in the {0} settlement class.",
            "Su hijo o hija no forma parte del grupo de demandantes del Acuerdo de {0}."
        ),
        ChildLikelyPending => (
            "Your child may be included in the {0} case if it wins or settles.",
            "Su hijo o hija podría formar parte del caso de {0} si se gana o se llega a un Acuerdo."
        ),
        ChildCantTellPending => (
            "We can't tell yet whether your child is in the proposed class in the {0} case.",
            "Todavía no podemos saber si su hijo o hija forma parte del grupo propuesto en el caso de {0}."
        ),
        ChildNotPending => (
            "Your child is not in the proposed class in the {0} case.",
            "Su hijo o hija no forma parte del grupo propuesto en el caso de {0}."
        ),
        TopFacts => (
            "Information as of {0}. Not legal advice.",
            "Información al {0}. No es asesoría legal."
        ),
        ActFile => ("File the claim {0}.", "Presente el reclamo {0}."),
        ActFileChild => ("As a parent or guardian, file the claim for your child {0}.", "Como padre, madre o tutor, presente el reclamo por su hijo o hija {0}."),
        ActCheckSite => (
            "Check the deadline on the official site before you act.",
            "Consulte la fecha límite en el sitio oficial antes de actuar."
        ),
        ActClosed => (
            "What still helps: ask the official site about payments, and keep your letter.",
            "Lo que todavía sirve: pregunte en el sitio oficial sobre los pagos y guarde su carta."
        ),
        ActPending => ("Nothing to claim yet; keep your letter.", "Todavía no hay nada que reclamar; guarde su carta."),
        HowOnline => ("online", "en línea"),
        HowPostmark => ("by mail postmarked by that day", "por correo con matasellos de ese día o antes"),
        HowReceived => ("by mail that arrives by that day", "por correo que llegue ese día o antes"),
        HowPhone => ("by phone", "por teléfono"),
        HowOr => (", or ", ", o "),
        OfficialButton => ("Go to the official site", "Ir al sitio oficial"),
        OfficialUnknown => (
            "We don't know this case's official website. Never pay anyone to claim.",
            "No conocemos el sitio web oficial de este caso. Nunca le pague a nadie para reclamar."
        ),
        ClaimFree => ("Claiming is free.", "Presentar un reclamo es gratis."),
        DetGet => ("What you can get", "Lo que puede recibir"),
        DetDates => ("All the dates", "Todas las fechas"),
        DetDo => ("What to gather and keep", "Qué reunir y guardar"),
        DetWhy => ("Why we think so", "Por qué lo pensamos"),
        DetSources => ("Where we got this (not places to claim)", "De dónde sacamos esto (no son lugares para reclamar)"),
        InEnglish => ("(in English)", "(en inglés)"),
        NotInLine => (
            "We also checked {0} settlements you are not in. If one of their organisations sent you a notice, add it.",
            "También revisamos {0} Acuerdos en los que usted no está incluido. Si una de esas organizaciones le envió un aviso, agréguela."
        ),
        NotInLineOne => (
            "We also checked 1 settlement you are not in. If its organisation sent you a notice, add it.",
            "También revisamos 1 Acuerdo en el que usted no está incluido. Si esa organización le envió un aviso, agréguela."
        ),
        YouSaid => ("What you told us:", "Lo que usted nos dijo:"),
        ClaimOpenSentence => ("Claims are open until {0} ({1}).", "Se pueden presentar reclamos hasta el {0} ({1})."),
        ClaimLastDaySentence => ("Today, {0}, is the last day to file a claim.", "Hoy, {0}, es el último día para presentar un reclamo."),
        ClaimClosedSentence => ("Claims closed on {0}.", "Los reclamos cerraron el {0}."),
        ClaimNotOpenSentence => ("Claims open on {0}.", "Los reclamos se abren el {0}."),
        ClaimUnknownSentence => ("We could not confirm the claim deadline.", "No pudimos confirmar la fecha límite para presentar un reclamo."),
        PendingSentence => (
            "No settlement was found in our sources as of {0}, so there is nothing to claim now.",
            "En nuestras fuentes al {0} no encontramos ningún Acuerdo, así que por ahora no hay nada que reclamar."
        ),
        DaysLeft => ("{0} days left", "quedan {0} días"),
        DayLeft => ("1 day left", "queda 1 día"),
        LastDayToday => ("Last day: today", "Último día: hoy"),
        ClosedOn => ("Closed on {0}", "Cerró el {0}"),
        NotOpenYet => ("Not open yet: opens {0}", "Todavía no abre: abre el {0}"),
        DateUnknown => ("Date not confirmed", "Fecha no confirmada"),
        ClosedBeforeHearing => (
            "Closed before the hearing of {0} (exact date not confirmed)",
            "Cerrado antes de la audiencia del {0} (fecha exacta no confirmada)"
        ),
        ProbablyClosed => (
            "Date not confirmed; most likely over: claims closed on {0}",
            "Fecha no confirmada; lo más probable es que ya haya pasado: el plazo para reclamos terminó el {0}"
        ),
        HearingIn => ("In {0} days", "Dentro de {0} días"),
        HearingTomorrow => ("Tomorrow", "Mañana"),
        HearingToday => ("Today", "Hoy"),
        HearingPast => ("Took place on {0}", "Se realizó el {0}"),
        ZoneUnknownNote => (
            "The cut-off time and time zone were not stated. Do not leave it to the end of the day.",
            "No se indicaron la hora límite ni la zona horaria. No lo deje para el final del día."
        ),
        CutOff => ("Cut-off: {0} {1}", "Hora límite: {0} ({1})"),
        ZoneET => ("Eastern Time", "hora del Este"),
        ZoneCT => ("Central Time", "hora del Centro"),
        ZoneMT => ("Mountain Time", "hora de la Montaña"),
        ZonePT => ("Pacific Time", "hora del Pacífico"),
        ZoneAKT => ("Alaska Time", "hora de Alaska"),
        ZoneHT => ("Hawaii Time", "hora de Hawái"),
        DlClaim => ("File a claim", "Presentar un reclamo"),
        DlOptOut => ("Exclude yourself (opt out)", "Excluirse del Acuerdo"),
        DlObjection => ("Object to the settlement", "Objetar el Acuerdo"),
        DlHearing => ("Final approval hearing", "Audiencia de aprobación final"),
        DlEnrollment => ("Enroll", "Inscribirse"),
        ChOnline => ("online", "en línea"),
        ChPostmark => ("by mail, postmarked by this date", "por correo, con matasellos a más tardar en esta fecha"),
        ChReceived => ("by mail, received by this date", "por correo, recibido a más tardar en esta fecha"),
        ChPhone => ("by phone", "por teléfono"),
        ImportantDates => ("Important dates", "Fechas importantes"),
        ColSettlement => ("Settlement", "Acuerdo"),
        ColWhat => ("What", "Qué"),
        ColDate => ("Date", "Fecha"),
        ColHow => ("How", "Cómo"),
        ColStatus => ("Status", "Estado"),
        NoDates => ("No dates are confirmed for these settlements.", "No hay fechas confirmadas para estos Acuerdos."),
        AddToCalendar => ("Add open deadlines to your calendar", "Agregar las fechas límite abiertas a su calendario"),
        CalendarHint => (
            "The calendar file is made on this device; nothing is sent.",
            "El archivo de calendario se crea en este dispositivo; no se envía nada."
        ),
        IcsPostmarked => ("{0} (mail: postmarked by this date): {1}", "{0} (correo: con matasellos a más tardar en esta fecha): {1}"),
        IcsDescription => (
            "{0} for the {1} settlement. Check the official website before you act: {2}. Made by claimcheck on your device.",
            "{0} en el Acuerdo de {1}. Consulte el sitio web oficial antes de actuar: {2}. Creado por claimcheck en su dispositivo."
        ),
        OurTranslation => ("Our translation:", "Traducción nuestra:"),
        SourceWordsEnglish => ("The source's words, in English:", "El texto de la fuente, en inglés:"),
        StaleTitle => ("Settlement details may have changed", "Los detalles de los Acuerdos pueden haber cambiado"),
        StaleBody => (
            "Our information was last checked on {0}, more than 90 days ago. Check each settlement's official website, listed below, for the latest dates and amounts.",
            "Nuestra información se verificó por última vez el {0}, hace más de 90 días. Consulte el sitio web oficial de cada Acuerdo, que aparece abajo, para ver las fechas y cantidades más recientes."
        ),
        SecWhoIsIn => ("Who is in the class?", "¿Quién forma parte del grupo de demandantes?"),
        SecSubclasses => ("Subclasses", "Subgrupos"),
        SubYes => ("You are in this subclass.", "Usted forma parte de este subgrupo."),
        SubUnknown => ("We can't tell if you are in this subclass.", "No podemos saber si usted forma parte de este subgrupo."),
        OneOfNote => (
            "You can choose only one of these options. Compare them before you claim.",
            "Solo puede elegir una de estas opciones. Compárelas antes de presentar su reclamo."
        ),
        AllOfNote => ("You can claim everything below together.", "Puede reclamar todo lo siguiente a la vez."),
        UnknownComboNote => (
            "The pages we read do not say how these benefits go together, so each is shown on its own.",
            "Las páginas que leímos no dicen cómo se combinan estos beneficios; cada uno se muestra por separado."
        ),
        OptionN => ("Option {0}", "Opción {0}"),
        NothingToClaim => ("There is nothing to claim now.", "Por ahora no hay nada que reclamar."),
        PlanTotal => ("Estimated total for this option: {0}", "Total estimado para esta opción: {0}"),
        PlanCombinedCap => (
            "A per-person cap of {0} applies to this option: {1} is cut to {0}.",
            "Se aplica un tope por persona de {0} a esta opción: {1} se reduce a {0}."
        ),
        EstNotMoney => ("A service, not cash.", "Un servicio, no dinero en efectivo."),
        EstAmount => ("Estimate: {0}", "Cálculo: {0}"),
        EstAbout => ("About {0} (the final amount may go up or down).", "Unos {0} (la cantidad final puede subir o bajar)."),
        EstRange => (
            "Roughly {0} to {1}, depending on how many people claim.",
            "Aproximadamente entre {0} y {1}, según cuántas personas presenten un reclamo."
        ),
        EstDepends => (
            "Depends on how many people claim: the confirmed figures are not enough for an estimate.",
            "Depende de cuántas personas presenten un reclamo: las cifras confirmadas no alcanzan para hacer un cálculo."
        ),
        EstUnverified => ("We could not confirm the amount.", "No pudimos confirmar la cantidad."),
        EstNoInput => ("You did not give an amount, so we cannot estimate it.", "Usted no indicó una cantidad, así que no podemos calcularla."),
        EstFolded => ("{0}, counted inside “{1}”.", "{0}, incluido en “{1}”."),
        EstSubclassNo => ("Only for the {0}; you are not in it.", "Solo para: {0}; usted no forma parte de él."),
        EstSubclassUnknown => ("Only for the {0}; we can't tell if you are in it.", "Solo para: {0}; no podemos saber si usted forma parte de él."),
        HowWorkedOut => ("How we worked it out", "Cómo lo calculamos"),
        StepInput => ("{0}: {1}", "{0}: {1}"),
        LabelCosts => ("Your out-of-pocket costs", "Sus gastos de bolsillo"),
        LabelFraud => ("Your unreimbursed losses from misuse", "Sus pérdidas no reembolsadas por uso indebido"),
        StepHours => (
            "Lost time: you said {0} hours; {1} hours count (at most {2}) × {3} an hour = {4}",
            "Tiempo perdido: usted indicó {0} horas; cuentan {1} horas (como máximo {2}) × {3} por hora = {4}"
        ),
        StepAdded => ("Lost time added inside this cap: {0}", "Tiempo perdido sumado dentro de este tope: {0}"),
        StepSum => ("Total: {0}", "Total: {0}"),
        StepCapped => ("Cap of {0}: {1} becomes {2}", "Tope de {0}: {1} pasa a ser {2}"),
        StepWindow => ("Only losses between {0} and {1} count.", "Solo cuentan las pérdidas entre el {0} y el {1}."),
        StepWindowOpen => ("Only losses from {0} on count.", "Solo cuentan las pérdidas a partir del {0}."),
        ChartTitle => (
            "What each claimant might get, by the share of the class that claims",
            "Lo que podría recibir cada reclamante, según la parte del grupo que presente un reclamo"
        ),
        ChartAxis => ("Share of the class that claims", "Parte del grupo que presenta un reclamo"),
        ChartAssumptions => (
            "How we estimate it: after the confirmed deductions, {0} is shared equally among the people who claim. The class has about {1} people. If 4% of them claim, each gets about {2}; if 9% claim, about {3}. A Federal Trade Commission study of 149 settlements found claims rates around these figures. The real amount depends on how many people claim.",
            "Cómo lo calculamos: después de las deducciones confirmadas, {0} se reparte en partes iguales entre las personas que presenten un reclamo. El grupo tiene unas {1} personas. Si el 4 % presenta un reclamo, cada una recibe unos {2}; si lo presenta el 9 %, unos {3}. Un estudio de la Comisión Federal de Comercio (FTC) sobre 149 Acuerdos encontró tasas de reclamo cercanas a estas cifras. La cantidad real depende de cuántas personas presenten un reclamo."
        ),
        FactYears => ("Years of monitoring", "Años de monitoreo"),
        FactBureaus => ("Credit bureaus covered", "Agencias de crédito cubiertas"),
        FactInsurance => ("Identity theft insurance", "Seguro contra robo de identidad"),
        FactCap => ("Cap per person", "Tope por persona"),
        FactRate => ("Paid per hour", "Pago por hora"),
        FactMaxHours => ("Most hours paid", "Máximo de horas pagadas"),
        FactAmount => ("Amount", "Cantidad"),
        ProofAttested => ("Proof: your signed statement is enough.", "Prueba: basta con su declaración firmada."),
        ProofDocumented => ("Proof: documents are needed.", "Prueba: se necesitan documentos."),
        SecGather => ("What to gather", "Qué debe reunir"),
        NeedsNoticeId => (
            "The Class Member ID or PIN printed on your notice. The official website asks for it; we never do.",
            "Su ID de Miembro del Grupo (Class Member ID) o PIN que aparece en su aviso. El sitio web oficial se lo pedirá; nosotros nunca."
        ),
        SecNext => ("What to do next", "Qué hacer ahora"),
        SecKeep => ("What to keep while the case goes on", "Qué guardar mientras continúa el caso"),
        SecAfter => ("Now that claims have closed", "Ahora que los reclamos cerraron"),
        SecWebsite => ("Official website", "Sitio web oficial"),
        SecRulingsFor => ("Court rulings that apply in {0}", "Decisiones del Tribunal que se aplican en {0}"),
        SecRulings => ("Court rulings", "Decisiones del Tribunal"),
        RulingAll => ("all states", "todos los estados"),
        OutSurvived => ("allowed to go ahead", "puede seguir adelante"),
        OutDismissed => ("dismissed", "desestimado"),
        OutAbandoned => ("dropped by the plaintiffs", "abandonado por los demandantes"),
        OutMixed => ("mixed rulings (partly allowed, partly dismissed)", "decisiones divididas (en parte sigue adelante, en parte desestimado)"),
        SecClaimant => ("Claiming for someone else", "Presentar un reclamo por otra persona"),
        MinorYes => (
            "A parent or legal guardian may claim for a child in this settlement.",
            "En este Acuerdo, el padre, la madre o el tutor legal puede presentar un reclamo por un menor."
        ),
        MinorNo => (
            "Our sources say a parent or guardian may not claim for a child in this settlement.",
            "Según nuestras fuentes, en este Acuerdo el padre, la madre o el tutor legal no puede presentar un reclamo por un menor."
        ),
        MinorUnknown => (
            "We could not confirm whether a parent or guardian may claim for a child. Ask the Settlement Administrator.",
            "No pudimos confirmar si el padre, la madre o el tutor legal puede presentar un reclamo por un menor. Pregunte al Administrador del Acuerdo."
        ),
        DeceasedYes => (
            "Someone may claim for a person who has died in this settlement, usually the legal representative of the estate.",
            "En este Acuerdo se puede presentar un reclamo por una persona fallecida, normalmente el representante legal de su sucesión."
        ),
        DeceasedNo => (
            "Our sources say no one may claim for a person who has died in this settlement.",
            "Según nuestras fuentes, en este Acuerdo nadie puede presentar un reclamo por una persona fallecida."
        ),
        DeceasedUnknown => (
            "We could not confirm whether someone may claim for a person who has died. Ask the Settlement Administrator.",
            "No pudimos confirmar si se puede presentar un reclamo por una persona fallecida. Pregunte al Administrador del Acuerdo."
        ),
        SecCase => ("About the case", "Sobre el caso"),
        CaseTitle => ("Case", "Caso"),
        CaseNumber => ("Case number", "Número de caso"),
        CaseCourt => ("Court", "Tribunal"),
        CaseJudge => ("Judge", "Juez"),
        CaseStatus => ("Status", "Estado"),
        CaseFund => ("Settlement fund", "Fondo del Acuerdo"),
        CaseAdministrator => ("Settlement Administrator", "Administrador del Acuerdo"),
        CaseRelated => ("Related cases", "Casos relacionados"),
        StLitigationPending => ("Lawsuit pending: no settlement found in our sources", "Demanda en curso: no encontramos ningún Acuerdo en nuestras fuentes"),
        StSettlementProposed => ("Settlement proposed, not yet approved", "Acuerdo propuesto, todavía no aprobado"),
        StClaimsOpen => ("Claims open", "Reclamos abiertos"),
        StClaimsClosed => ("Claims closed", "Reclamos cerrados"),
        StPayingOut => ("Paying out", "En etapa de pagos"),
        StStatusUnknown => ("Status unknown", "Estado desconocido"),
        StNoSettlementFound => ("No settlement found in our sources", "No encontramos ningún Acuerdo en nuestras fuentes"),
        SecIncident => ("The breach", "La violación de datos"),
        IncStart => ("Began", "Comenzó"),
        IncEnd => ("Ended", "Terminó"),
        IncDiscovered => ("Discovered", "Se descubrió"),
        IncPeople => ("People affected", "Personas afectadas"),
        IncData => ("Information exposed", "Información expuesta"),
        SecBenefits => ("Benefits", "Beneficios"),
        SecSources => ("Sources", "Fuentes"),
        Checked => ("checked {0}", "consultada el {0}"),
        Unconfirmed => ("We could not confirm this (see “About our sources”).", "No pudimos confirmarlo (vea «Sobre nuestras fuentes»)."),
        AboutSources => ("About our sources", "Sobre nuestras fuentes"),
        AboutSourcesIntro => ("What we could not confirm, and why:", "Lo que no pudimos confirmar, y por qué:"),
        SourcesDiffer => ("Sources differ:", "Las fuentes no coinciden:"),
        SourceLabel => ("Source", "Fuente"),
        ReasonNotCertified => (
            "No class has been certified yet, so at most you are a proposed class member.",
            "Todavía no se ha certificado un grupo de demandantes, así que como máximo usted es un miembro propuesto."
        ),
        ReasonDefUnverified => ("We could not confirm the exact class wording.", "No pudimos confirmar la redacción exacta del grupo de demandantes."),
        ReasonMissing => ("To tell, we would need to know:", "Para saberlo, necesitaríamos saber:"),
        ReasonExclusionUnknown => ("You might be excluded:", "Podría estar excluido:"),
        ReasonPossible => ("Only the Settlement Administrator can confirm this.", "Solo el Administrador del Acuerdo puede confirmarlo."),
        ReasonNotMet => ("Your answers do not match this way into the class:", "Sus respuestas no coinciden con esta forma de entrar al grupo de demandantes:"),
        ReasonNotMetPlain => (
            "Your answers do not match who is in this class.",
            "Sus respuestas no coinciden con quiénes forman parte de este grupo de demandantes."
        ),
        ReasonExcluded => ("You are excluded:", "Usted está excluido:"),
        WaysIn => ("Ways into the class", "Formas de entrar al grupo de demandantes"),
        Exclusions => ("Who is left out", "Quiénes quedan excluidos"),
        CantTellTitle => ("Settlements we can't tell about yet", "Acuerdos sobre los que todavía no podemos decidir"),
        CantTellIntro => (
            "These depend on answers you were not sure of. Open one to see what would settle it.",
            "Dependen de respuestas de las que usted no estaba seguro. Abra uno para ver qué lo decidiría."
        ),
        OrgNotesTitle => ("About the organisations you chose", "Sobre las organizaciones que eligió"),
        SeeSummary => ("Check your answers and print", "Revisar sus respuestas e imprimir"),
        ChangeAnswers => ("Change your answers", "Cambiar sus respuestas"),
        FullDetails => ("All the details of this settlement", "Todos los detalles de este Acuerdo"),
        Print => ("Print this page", "Imprimir esta página"),

        // Summary
        SummaryAnswers => ("Your answers", "Sus respuestas"),
        SummaryResults => ("Your results", "Sus resultados"),
        Change => ("Change", "Cambiar"),
        NoAnswersYet => ("You have not answered any questions yet.", "Todavía no ha respondido ninguna pregunta."),
        HoursValue => ("{0} hours", "{0} horas"),
        BackToResults => ("Back to your results", "Volver a sus resultados"),

        // Browse
        BrowseIntro => (
            "Each settlement's page shows its facts and where they come from. To find the ones you are in, answer the questions instead.",
            "La página de cada Acuerdo muestra sus datos y de dónde provienen. Para saber en cuáles está incluido, responda las preguntas."
        ),
        BrowseShort => ("Short entry: only the basics are confirmed.", "Entrada breve: solo se confirmaron los datos básicos."),
        AllSettlements => ("All settlements", "Todos los Acuerdos"),
        NotFound => ("We don't know that settlement.", "No conocemos ese Acuerdo."),
        NotFoundBody => ("The address may be mistyped. See the list of all settlements.", "Es posible que la dirección esté mal escrita. Vea la lista de todos los Acuerdos."),
        CheckIfIn => ("Check if I am in it", "Verificar si estoy incluido"),

        // Dated guidance: which texts apply today (the engine's `Guidance`, `StatusView`)
        SecIfOpen => ("If claims are still open", "Si todavía se pueden presentar reclamos"),
        SecIfClosed => ("If claims have closed", "Si los reclamos ya cerraron"),
        StatusAsOf => ("As of {0}: {1}", "Al {0}: {1}"),
    }
}
