using Bunit;
using Matcher.Web.Components.Shared;
using Matcher.Web.Services.Matching;
using Microsoft.AspNetCore.Components.Forms;

namespace Matcher.Web.Tests.Components;

public class UploadBoxTests : MudTestContext
{
    [Fact]
    public void A_chosen_file_is_read_and_passed_on_with_its_name()
    {
        UploadedFile? received = null;
        var cut = Render<UploadBox>(p => p
            .Add(x => x.Label, "Choose your CV")
            .Add(x => x.FileChanged, (UploadedFile? f) => received = f));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("Jane Doe\nPython developer", "cv.txt"));

        Assert.NotNull(received);
        Assert.Equal("cv.txt", received.Name);
        Assert.Equal("Jane Doe\nPython developer", System.Text.Encoding.UTF8.GetString(received.Content));
        Assert.Contains("cv.txt", cut.Markup);
    }

    [Fact]
    public void An_empty_file_is_rejected_with_a_message()
    {
        UploadedFile? received = new("previous.txt", [1]);
        var cut = Render<UploadBox>(p => p
            .Add(x => x.Label, "Choose your CV")
            .Add(x => x.FileChanged, (UploadedFile? f) => received = f));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary([], "empty.pdf"));

        Assert.Null(received);
        Assert.Contains("empty.pdf is empty", cut.Find("[role=alert]").TextContent);
    }

    [Fact]
    public void A_file_over_the_limit_is_rejected_before_it_is_read()
    {
        UploadedFile? received = null;
        var cut = Render<UploadBox>(p => p
            .Add(x => x.Label, "Choose your CV")
            .Add(x => x.MaxBytes, 10)
            .Add(x => x.FileChanged, (UploadedFile? f) => received = f));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("more than ten bytes of text", "big.txt"));

        Assert.Null(received);
        Assert.Contains("the limit is 10 B", cut.Find("[role=alert]").TextContent);
    }
}
