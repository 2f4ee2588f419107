using Matcher.Core.Postings;
using Matcher.Core.Postings.Reading;

namespace Matcher.Core.Tests.Postings;

public sealed class RequirementClassifierTests
{
    [Theory]
    [InlineData("Good publication record in computer vision desirable.", RequirementKind.Preferred)]
    [InlineData("Experience with Kafka is nice to have", RequirementKind.Preferred)]
    [InlineData("Go experience is a plus", RequirementKind.Preferred)]
    [InlineData("A master's degree is preferred.", RequirementKind.Preferred)]
    [InlineData("5 years of ML experience with MS degree preferred or 3 years with Ph.D degree.", RequirementKind.Required)]
    [InlineData("Plus 3 years of Java", RequirementKind.Required)]
    public void Reads_preferred_wording_only_where_it_qualifies_the_item(string text, RequirementKind expected)
    {
        Assert.Equal(expected, RequirementClassifier.Kind(text, inPreferredSection: false));
    }

    [Theory]
    [InlineData("Strong programming skills in Python, Matlab, or similar languages.", RequirementCategory.Skill)]
    [InlineData("Experience in professional, non-internship software development", RequirementCategory.Experience)]
    [InlineData("Strong communication skills with the ability to learn fast.", RequirementCategory.SoftSkill)]
    [InlineData("Fluent Japanese (JLPT N2 or above)", RequirementCategory.Language)]
    [InlineData("Valid driving licence", RequirementCategory.Other)]
    public void Categorises_requirements_by_their_wording(string text, RequirementCategory expected)
    {
        Assert.Equal(expected, RequirementClassifier.Category(text, QualificationFacts.MinYears(text), QualificationFacts.MinDegree(text)));
    }

    [Theory]
    [InlineData("3+ years of experience with Kubernetes", 3.0)]
    [InlineData("At least three years of relevant experience in ML", 3.0)]
    [InlineData("5 years of ML experience with MS or 3 years of related work experience with PhD", 3.0)]
    [InlineData("5+ years of software development, at least 2 years with Go", 5.0)]
    [InlineData("18 months of professional experience", 1.5)]
    [InlineData("Internship of 8-10 weeks", null)]
    [InlineData("Must be 18 years old", null)]
    public void Reads_minimum_years_of_experience(string text, double? expected)
    {
        Assert.Equal(expected, QualificationFacts.MinYears(text));
    }

    [Theory]
    [InlineData("MS or Ph.D in computer vision or equivalent industry experience", DegreeLevel.Master, true)]
    [InlineData("Bachelor's degree in Computer Science", DegreeLevel.Bachelor, false)]
    [InlineData("BS/BA in a technical field", DegreeLevel.Bachelor, false)]
    [InlineData("PhD in statistics", DegreeLevel.PhD, false)]
    [InlineData("Response times under 200 ms", null, false)]
    [InlineData("Advanced MS Excel skills", null, false)]
    public void Reads_degree_level_and_equivalent_experience(string text, DegreeLevel? degree, bool equivalent)
    {
        Assert.Equal(degree, QualificationFacts.MinDegree(text));
        Assert.Equal(equivalent, degree is not null && QualificationFacts.AcceptsEquivalentExperience(text));
    }
}
