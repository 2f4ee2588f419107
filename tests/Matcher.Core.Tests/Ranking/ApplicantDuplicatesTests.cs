using Matcher.Core.Ranking;

namespace Matcher.Core.Tests.Ranking;

public sealed class ApplicantDuplicatesTests
{
    [Fact]
    public void Names_match_whatever_their_case_accents_and_spacing_and_e_mails_whatever_their_case()
    {
        ApplicantIdentity[] applicants =
        [
            new("Jose.Garcia@Example.org", "José  García", null),
            new("jose.garcia@example.org ", "Pepe", null),
            new(null, "jose garcia", null),
            new("someone@example.org", "José Garcíaz", null),
        ];

        var found = ApplicantDuplicates.Find(applicants);

        Assert.Equal([(1, new[] { ApplicantDuplicates.SameEmail }), (2, [ApplicantDuplicates.SameName])], found[0].Select(d => (d.Other, d.Reasons.ToArray())));
        Assert.Empty(found[3]);
    }

    [Fact]
    public void The_same_cv_as_pdf_and_as_docx_has_the_same_text_fingerprint()
    {
        Assert.Equal(ApplicantDuplicates.TextHash("Ana Lopez\nData analyst"), ApplicantDuplicates.TextHash("  ana lopez  data   ANALYST\r\n"));
        Assert.NotEqual(ApplicantDuplicates.TextHash("Ana Lopez, data analyst"), ApplicantDuplicates.TextHash("Ana Lopez data analyst"));
    }

    [Fact]
    public void Applications_linked_through_a_chain_of_matches_are_one_person()
    {
        ApplicantIdentity[] applicants =
        [
            new("a@example.org", "Ana", null),
            new("b@example.org", "Ben", "t1"),
            new("a@example.org", "Ana L", "t1"),
            new(null, "Cleo", null),
        ];

        Assert.Equal([0, 0, 0, 3], ApplicantDuplicates.People(applicants));
    }

    [Fact]
    public void One_person_with_two_applications_gets_at_most_one_position()
    {
        double?[][] scores = [[90, 80], [89, 88], [40, 35]];

        var apart = PositionAssignment.Assign(scores, 2);
        var together = PositionAssignment.Assign(scores, 2, [0, 0, 2]);

        Assert.Equal([0, 1], apart);
        // As one person she takes the second position through her better application there (88 + 40 beats 90 + 35).
        Assert.Equal([2, 1], together);
    }
}
