#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Help as it reads in an 80-column console: Get-Help <cmdlet> -Examples and -Full, and the about topic, rendered
# by real pwsh at 80 columns in a fresh process. No line is longer than the console, and no word is broken across
# two lines. The culture is the invariant one, as on a console whose locale is C or POSIX: there, as in every
# culture but English, French, German, Italian, Portuguese and Spanish, PowerShell breaks a line that is too long
# wherever the width ends, in the middle of a word; the text itself must fit.

BeforeDiscovery {
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $cmdlets = (Get-ChildItem (Join-Path $root 'docs/en-US') -Filter '*-*.md').BaseName
    $views = foreach ($name in $cmdlets) {
        foreach ($view in 'Examples', 'Full') { @{ Name = $name; View = $view } }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSimulator.psm1') -Force
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script = Join-Path $TestDrive 'help.ps1'
    @(
        "`$PSStyle.OutputRendering = 'PlainText'"
        '[cultureinfo]::CurrentCulture = [cultureinfo]::InvariantCulture'
        "Import-Module '$((Get-BuiltModule).Base)' -ErrorAction Stop"
        'foreach ($name in (Get-Command -Module IotJobs).Name) {'
        '    foreach ($view in "Examples", "Full") {'
        '        "=== $name -$view"'
        '        $arguments = @{ Name = $name; $view = $true }'
        '        Get-Help @arguments | Out-String -Width 80'
        '    }'
        '}'
        '"=== about_IotJobs"'
        'Get-Help about_IotJobs | Out-String -Width 80'
    ) | Set-Content -Path $script
    $rendered = @{}
    $current = $null
    foreach ($line in (Invoke-PwshFile $script) -split '\r?\n') {
        if ($line -match '^=== (.+)$') {
            $current = $Matches[1]
            $rendered[$current] = [Collections.Generic.List[string]]::new()
        }
        elseif ($current) { $rendered[$current].Add($line) }
    }

    <#
        The places where a word was broken: a line that ends in the middle of a word (a letter, digit or one of
        the characters inside words and code) whose next line, past its indentation, goes on with the word. Help
        that fits never reaches the 80th column (the help keeps one free, as a console does), so a line that long is
        one PowerShell broke where the width ended. Two exceptions: the syntax lines, which PowerShell builds from
        the parameters and breaks where the width ends (no help file can place their breaks), and a URL longer than
        a line, which no width can keep whole.
    #>
    function Find-BrokenWord([string[]] $Lines) {
        $section = ''
        for ($i = 0; $i -lt $Lines.Count - 1; $i++) {
            if ($Lines[$i] -match '^[A-Z][A-Z ]+$') { $section = $Lines[$i] }
            if ($section -eq 'SYNTAX' -or $Lines[$i] -match 'https?://\S+$') { continue }
            if ($Lines[$i].Length -ge 80 -and $Lines[$i] -match '[\w.,;:$''"()\[\]{}<>=|*/-]$' -and
                $Lines[$i + 1] -match '^\s*[\w.,;:$''"()\[\]{}<>=|*/-]') {
                "line $($i + 1): '$($Lines[$i].Trim())' / '$($Lines[$i + 1].Trim())'"
            }
        }
    }
}

Describe 'Help at 80 columns' {
    It 'Get-Help <Name> -<View>: no line over 80 columns, no word broken' -ForEach $views {
        $lines = $rendered["$Name -$View"]
        $lines.Count | Should -BeGreaterThan 10 -Because "the help of $Name was rendered"

        $lines | Where-Object Length -gt 80 | Should -BeNullOrEmpty
        Find-BrokenWord $lines | Should -BeNullOrEmpty
    }

    It 'Get-Help <Name> -Examples: every example title on one line' -ForEach ($views | Where-Object View -eq Examples) {
        $titles = @($rendered["$Name -Examples"] | Where-Object { $_ -match '^\s*-{3,} Example \d+' })
        $titles.Count | Should -BeGreaterOrEqual 3
        $titles | Should -Match ' -{3,}$' -Because 'a title that ends in its dashes was not wrapped'
    }

    It 'Get-Help about_IotJobs: no line over 80 columns, and every code line indented' {
        $lines = $rendered['about_IotJobs']
        $lines.Count | Should -BeGreaterThan 100

        # The topic is plain text: a console wraps a longer line back to its first column.
        $lines | Where-Object Length -gt 80 | Should -BeNullOrEmpty
        Find-BrokenWord $lines | Should -BeNullOrEmpty
        # Every line of code and output, as the topic's markdown has it, indented under the text, and whole.
        $about = Get-Content -Raw (Join-Path $root 'docs/en-US/about_IotJobs.help.md')
        $code = [regex]::Matches($about, '(?s)```\w*\r?\n(.*?)\r?\n```') |
            ForEach-Object { $_.Groups[1].Value -split '\r?\n' }
        $code.Count | Should -BeGreaterThan 10
        $code | Where-Object { ('        ' + $_).TrimEnd() -notin $lines } |
            Should -BeNullOrEmpty -Because 'code stays indented'
    }
}
