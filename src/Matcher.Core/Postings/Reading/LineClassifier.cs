using System.Text.RegularExpressions;

namespace Matcher.Core.Postings.Reading;

/// <summary>
/// Decides, line by line and sentence by sentence, what a posting's text is when it sits among the
/// requirements or duties: a qualification or duty to score, or text that is never scored (equal opportunity,
/// work authorisation, background checks, benefits, pay, company story, how to apply, navigation, signatures)
/// or a condition of the job (physical demands, schedule). The rules are phrasings, not words of one field.
/// </summary>
internal static partial class LineClassifier
{
    private const int MaxScheduleWords = 22;
    private const int MaxSignatureWords = 8;

    [GeneratedRegex(@"^(show (less|more)|see (less|more)|read (less|more)|similar jobs|more jobs like this|apply|apply now|apply for this job|easy apply|save|save job|saved|share|share this job|report (this )?job|back to (search|jobs|results)|view all jobs|see all jobs|jobs you may (also )?like|people also viewed|sign in|log in|home|search jobs|print|email this job|…|\.\.\.)$", RegexOptions.IgnoreCase)]
    private static partial Regex NavigationLine();

    [GeneratedRegex(@"^(https?://|www\.)\S+$", RegexOptions.IgnoreCase)]
    private static partial Regex BareLink();

    [GeneratedRegex(@"^(n/?a|none|not applicable|-+)$", RegexOptions.IgnoreCase)]
    private static partial Regex NothingStated();

    [GeneratedRegex(@"^((best|kind|warm|warmest)( regards)?|regards|(many )?thanks|thank you|sincerely|cheers|yours (sincerely|faithfully|truly))[,!.]?$", RegexOptions.IgnoreCase)]
    private static partial Regex SignOff();

    [GeneratedRegex(@"^((best|kind|warm|warmest) regards|regards|(many )?thanks|sincerely|cheers|yours (sincerely|faithfully|truly))[,!.]", RegexOptions.IgnoreCase)]
    private static partial Regex SignOffWithName();

    [GeneratedRegex(@"\b(eeo\b|diversity,? equity,? (and )?inclusion|diverse and inclusive (workforce|team|environment)|committed to (creating )?(a )?diverse|regardless of (race|ethnicity|age|gender|religion|sex)|veterans? (are )?(strongly )?encouraged to apply|embrace diversity)", RegexOptions.IgnoreCase)]
    private static partial Regex EqualOpportunity();

    [GeneratedRegex(@"\b(americans with disabilities act|disability accommodation|need an adjustment)", RegexOptions.IgnoreCase)]
    private static partial Regex Accommodation();

    [GeneratedRegex(@"\b(work(ing)? authori[sz]ation|authori[sz]ed to work|eligib(le|ility) to work|right to work|legally (able|eligible|authori[sz]ed) to work|visa|immigration|work permit|sponsorship (for|of) (employment|work)|u\.s\. citizen(ship)?|must reside in)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WorkAuthorisation();

    [GeneratedRegex(@"\b(background (check|screening|investigation)s?|criminal (record|history) check|drug[- ]free workplace|pre[- ]employment (drug|background|screening|test\w*)|(pass|passing|successful(ly)? complet\w*|subject to|contingent (up)?on)\b[^.]{0,60}\b(drug (test|screen)\w*|background))", RegexOptions.IgnoreCase)]
    private static partial Regex BackgroundCheck();

    [GeneratedRegex(@"(\b401\s*\(?k\)?|\bpaid time off\b|\bpto\b|\b(health|medical|dental|vision|life|disability) (insurance|plans?|benefits)\b|\bbenefits? (package|plan|program)|\bcomprehensive benefits\b|\bemployee discounts?\b|\bpaid (holidays|vacation|parental leave|sick)|\bparental leave\b|\btuition (assistance|reimbursement)\b|\bstock (purchase|options)\b|\bcompetitive (salary|pay|compensation|wages?|base)\b|\b(retention|sign[- ]on|signing) bonus\b|\bincentive (program|plan)\b|\bcommuter benefits\b|\bwellness program\b|\bfloating holiday\b|\bopportunit(y|ies) (to|for) (grow|growth|advance|advancement|move up|promotion|career (growth|development))\b|^(you will|you'll) be (fully |thoroughly )?trained\b|\b(paid )?training (will be|is) provided\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Benefits();

    // "You will report into a Contact Center Supervisor": who the job reports to is a fact of the posting, like "Reports to:".
    [GeneratedRegex(@"^((in this role,? )?(you will|you'll|this (role|position) will|the \w+( \w+)? will) report (directly )?(to|into)|reports (directly )?(to|into))\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReportingLine();

    [GeneratedRegex(@"\b(base (salary|pay)|salary range|pay range|wage range|starting (wage|pay|salary)|pay (depending|based|dependent) (on|upon) experience|\bdoe\b|compensation (range|package)|hourly rate)", RegexOptions.IgnoreCase)]
    private static partial Regex Compensation();

    [GeneratedRegex(@"(^(founded|established) in \d{4}|\b(founded|established) in \d{4},|\bis (a|an|the) (leading|premier|world|global|fast[- ]growing|trusted|proud)\b|^(we are|we're) (a|an|the) [^.]{0,60}\b(company|firm|organi[sz]ation|provider|leader|employer|business|group)\b|\bis (on a|driven by (our|its)) mission\b|\bour mission is\b|\bworld leader\b|\bfor (more than|over) \d+ years\b|\bbest (companies|places?) to work\b|\baward[- ]winning\b|\bfamily[- ]owned\b|\bis (the|one of the) (world'?s?|nation'?s?|most)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex AboutCompany();

    [GeneratedRegex(@"\b(proud (supporter|sponsor|partner) of|(is|are) (a )?(proud )?sponsor(s|ing)?( of)?\b|sponsorship of|corporate (social )?responsibility|giving back|charit(y|ies|able)|volunteer(ing)? (program|days?)|sustainability (goals|program|commitment))", RegexOptions.IgnoreCase)]
    private static partial Regex CompanyCommitment();

    [GeneratedRegex(@"(\bto apply\b|\bapply (now|today|online|here|at|through|via|on)\b|\b(send|submit|email) (us )?(a |an |your )?(cover letter|resume|résumé|cv|application)|\binterested (parties|candidates|applicants|individuals)\b|\bclick here\b|\bclicking here\b|\bdo not hesitate to apply\b|\bplease (contact|reach out|email)\b|\blook no further\b|[\w.+-]+@[\w-]+\.[\w.]+|\bquestions? (regarding|about) (your|the) application\b|\bencouraged to apply\b|\bwill be filled (very )?quickly\b|\bapply to \S+ today\b|\bcopy (&|and) paste link\b)", RegexOptions.IgnoreCase)]
    private static partial Regex HowToApply();

    [GeneratedRegex(@"(\bnot (meant|intended) to be (an )?(all[- ]inclusive|exhaustive|comprehensive)\b|\bflsa\b|\bat[- ]will (employment|employer)\b|\bemployment is at[- ]will\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Legal();

    [GeneratedRegex(@"(\b(lift|lifting|carry|carrying|push|pull|move)\b[^.]{0,40}\b\d+\s*(lbs?|pounds|kg|kilograms|kilos)\b|\b(sit|stand|walk|sitting|standing|walking)\b[^.]{0,20}\bfor (long|extended|prolonged) periods\b|\bprolonged (standing|sitting|periods)\b|\bphysical(ly)? (demands|demanding)\b|\bbend(ing)?,? (stoop|kneel|crouch)|\bexposure to (noise|heat|cold|weather|fumes|chemicals)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex PhysicalDemands();

    [GeneratedRegex(@"(\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s*(-|–|—|through|thru|to)\s*(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b\d{1,2}(:\d{2})?\s*(am|pm)?\s*(-|–|—|to)\s*\d{1,2}(:\d{2})?\s*(am|pm)\b|\bhours per week\b|\b(no|weekends? and|nights? and) (evenings|weekends)\b|^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b[^.]{0,40}\d)", RegexOptions.IgnoreCase)]
    private static partial Regex Schedule();

    // "Work from home, hybrid or on site", "internet of 50 Mbps at home": where and how the work is done, not what a person brings.
    [GeneratedRegex(@"(\b(100\s*%\s*)?remote\b[^.]{0,40}\b(hybrid|on[- ]?site|in[- ]office)\b|\bhybrid\b[^.]{0,30}\b(on[- ]?site|remote)\b|\binternet (speed|connection|service|access)\b|\b\d+\s*mbps\b|\bhigh[- ]speed internet\b)", RegexOptions.IgnoreCase)]
    private static partial Regex WorkingArrangement();

    // "Perform other duties as assigned" names no task; it is in nearly every job description, so it tells nothing about fit.
    [GeneratedRegex(@"(\b(other|additional|related|miscellaneous|special)\s+(\w+\s+)?(duties|tasks|responsibilities|projects|functions|assignments)\b[^.]{0,60}\bas (assigned|required|needed|directed|requested|designated)\b|^(other|additional|miscellaneous) (duties|tasks|projects)\.?$)", RegexOptions.IgnoreCase)]
    private static partial Regex CatchAllDuty();

    // "The goal of this role is to…", "The target is to…": the aim of the job, which neither a CV nor a duty list can meet.
    [GeneratedRegex(@"^((the|our|your) (main |primary |overall |ultimate |key )?(goal|aim|target|objective|purpose)( of (this|the) (role|position|job))?|(this|the) (role|position|job)(['’]s)? (main |primary )?(goal|aim|purpose|objective)) is to\b", RegexOptions.IgnoreCase)]
    private static partial Regex RolePurpose();

    [GeneratedRegex(@"^(as an? [^,]{1,40},? )?(you will|you'll)\b(?! (need|have|bring|possess|be required|be expected to have))|\bwill be responsible for\b|^(you will be |you'll be )?responsible for\b|^(you will|you'll) (support|work|provide|assist|help|report)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DutyWording();

    /// <summary>Why a line or sentence is never scored, or null when it may be a requirement or duty.</summary>
    public static NotScoredReason? NotScored(string text)
    {
        var line = text.Trim();
        var bare = line.TrimEnd('.', '!', ':', ' ');
        if (NavigationLine().IsMatch(bare) || BareLink().IsMatch(line))
            return NotScoredReason.Navigation;
        if (NothingStated().IsMatch(bare))
            return NotScoredReason.NothingStated;
        if (SignOff().IsMatch(line))
            return NotScoredReason.Signature;
        if (BoilerplateFilter.Reason(line) is { } boilerplate)
            return boilerplate;
        if (EqualOpportunity().IsMatch(line))
            return NotScoredReason.EqualOpportunity;
        if (Accommodation().IsMatch(line))
            return NotScoredReason.Accommodation;
        if (WorkAuthorisation().IsMatch(line))
            return NotScoredReason.WorkAuthorisation;
        if (BackgroundCheck().IsMatch(line))
            return NotScoredReason.BackgroundCheck;
        if (Benefits().IsMatch(line))
            return NotScoredReason.Benefits;
        if (ReportingLine().IsMatch(line))
            return NotScoredReason.PostingDetail;
        if (Compensation().IsMatch(line))
            return NotScoredReason.Compensation;
        if (CompanyCommitment().IsMatch(line))
            return NotScoredReason.CompanyCommitment;
        if (AboutCompany().IsMatch(line))
            return NotScoredReason.AboutCompany;
        if (HowToApply().IsMatch(line))
            return NotScoredReason.HowToApply;
        if (Legal().IsMatch(line))
            return NotScoredReason.Legal;
        if (CatchAllDuty().IsMatch(line))
            return NotScoredReason.CatchAllDuty;
        if (RolePurpose().IsMatch(line))
            return NotScoredReason.RolePurpose;
        if (PhysicalDemands().IsMatch(line))
            return NotScoredReason.PhysicalDemands;
        if (WorkingArrangement().IsMatch(line))
            return NotScoredReason.WorkingConditions;
        if (Schedule().IsMatch(line) && line.Split(' ').Length <= MaxScheduleWords)
            return NotScoredReason.Schedule;
        return null;
    }

    /// <summary>A sign-off ("Best regards,") after which the short lines are the recruiter's name and title.</summary>
    public static bool IsSignOff(string text) =>
        SignOff().IsMatch(text.Trim()) || SignOffWithName().IsMatch(text.Trim()) && text.Split(' ').Length <= MaxSignatureWords;

    public static bool IsSignatureLine(string text) => text.Split(' ').Length <= MaxSignatureWords && !text.TrimEnd().EndsWith('.');

    /// <summary>"As a Medical Assistant you will support…": a sentence that describes the work, not the person.</summary>
    public static bool IsDuty(string sentence) => DutyWording().IsMatch(sentence.Trim());

    /// <summary>The reason every line of a section under this heading is not scored.</summary>
    public static NotScoredReason SectionReason(SectionKind kind, string? heading, string line) =>
        NotScored(line) is { } own && own is NotScoredReason.Navigation or NotScoredReason.EqualOpportunity or NotScoredReason.Accommodation
            or NotScoredReason.WorkAuthorisation or NotScoredReason.HowToApply or NotScoredReason.Privacy
            ? own
            : ByHeading(kind, heading, line);

    private static NotScoredReason ByHeading(SectionKind kind, string? heading, string line) => kind switch
    {
        SectionKind.About => NotScoredReason.AboutCompany,
        SectionKind.Compensation => Compensation().IsMatch(line) || SalaryText.NamesPay(line) ? NotScoredReason.Compensation : NotScoredReason.Benefits,
        SectionKind.HowToApply => NotScoredReason.HowToApply,
        SectionKind.Schedule => NotScoredReason.Schedule,
        SectionKind.Conditions => PhysicalDemands().IsMatch(line) || (heading ?? "").Contains("physical", StringComparison.OrdinalIgnoreCase)
            ? NotScoredReason.PhysicalDemands : NotScoredReason.WorkingConditions,
        SectionKind.Details => NotScoredReason.PostingDetail,
        SectionKind.Boilerplate => NotScored(line) ?? NotScoredReason.Legal,
        SectionKind.Other when HeadingVocabulary.Normalize(heading ?? "") == "additional information" => NotScoredReason.AdditionalInformation,
        _ => NotScored(line) ?? NotScoredReason.OtherSection,
    };
}
