# Build the Windows installer: build\windows\sjsref-<version>-setup-x64.exe
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
#
# Runs from the repository root wherever it is started. Needs the project's
# venv (.venv, see README "Installers") and Inno Setup 6.3 or later; ISCC is
# looked up in SJSREF_ISCC, on PATH, then where Inno Setup installs it.
#
# Signing (optional; all three or none):
#   SJSREF_SIGN_CERT_SHA1   thumbprint of a code-signing certificate in the
#                           Windows certificate store (a token's works too)
#   SJSREF_TIMESTAMP_URL    the RFC 3161 timestamp server of that certificate
#   SJSREF_SIGNTOOL         signtool.exe (default: the newest Windows SDK one)
# The two exes and every bundled DLL/.pyd without a valid signature are signed
# before ISCC runs; ISCC then signs Setup and its uninstaller (SignTool=).
#
# Every native step is run through Invoke-Native, which stops the build on a
# non-zero exit code and prints the tool's stderr as plain text:
# Windows PowerShell 5.1 would otherwise turn PyInstaller's log lines (it
# logs to stderr) into errors.

Set-StrictMode -Version Latest
$ErrorActionPreference = "Stop"

$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $Root

function Invoke-Native {
    param([Parameter(Mandatory)][string]$Exe, [string[]]$Arguments = @())
    Write-Host "> $Exe $($Arguments -join ' ')"
    $ErrorActionPreference = "Continue"  # stderr is output here, the exit code decides
    & $Exe @Arguments 2>&1 | ForEach-Object { "$_" } | Out-Host
    if ($LASTEXITCODE -ne 0) {
        throw "$Exe failed with exit code $LASTEXITCODE"
    }
}

function Get-NativeOutput {
    param([Parameter(Mandatory)][string]$Exe, [string[]]$Arguments = @())
    $output = & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE"
    }
    return ($output | Out-String).Trim()
}

function Find-Iscc {
    if ($env:SJSREF_ISCC) { return $env:SJSREF_ISCC }
    $onPath = Get-Command iscc.exe -ErrorAction SilentlyContinue
    if ($onPath) { return $onPath.Source }
    # Inno Setup records where it was installed (machine-wide or per user).
    $uninstallKeys = @(
        "HKLM:\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall",
        "HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall",
        "HKCU:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall"
    )
    foreach ($key in $uninstallKeys) {
        foreach ($name in @("Inno Setup 7_is1", "Inno Setup 6_is1")) {
            $entry = Get-ItemProperty -Path (Join-Path $key $name) -ErrorAction SilentlyContinue
            if ($entry -and $entry.PSObject.Properties["InstallLocation"]) {
                $candidate = Join-Path $entry.InstallLocation "ISCC.exe"
                if (Test-Path $candidate) { return $candidate }
            }
        }
    }
    $folders = @(${env:ProgramFiles(x86)}, $env:ProgramFiles, (Join-Path $env:LOCALAPPDATA "Programs"))
    foreach ($folder in $folders) {
        foreach ($name in @("Inno Setup 7", "Inno Setup 6")) {
            if (-not $folder) { continue }
            $candidate = Join-Path (Join-Path $folder $name) "ISCC.exe"
            if (Test-Path $candidate) { return $candidate }
        }
    }
    throw "ISCC.exe not found: install Inno Setup 6.3 or later, or set SJSREF_ISCC"
}

function Find-SignTool {
    if ($env:SJSREF_SIGNTOOL) { return $env:SJSREF_SIGNTOOL }
    $kits = Join-Path ${env:ProgramFiles(x86)} "Windows Kits\10\bin"
    $found = Get-ChildItem -Path $kits -Filter signtool.exe -Recurse -ErrorAction SilentlyContinue |
        Where-Object { $_.Directory.Name -eq "x64" } |
        Sort-Object { $_.Directory.Parent.Name } -Descending |
        Select-Object -First 1
    if (-not $found) { throw "signtool.exe not found: install the Windows SDK or set SJSREF_SIGNTOOL" }
    return $found.FullName
}

$Python = Join-Path $Root ".venv\Scripts\python.exe"
if (-not (Test-Path $Python)) {
    throw "No .venv: create it first (README, Installers): py -3.11 -m venv .venv"
}

# The version has one home, pyproject.toml, read by the function the .deb uses.
$Version = Get-NativeOutput $Python @("packaging\platform_meta.py", "version")
$FileVersion = Get-NativeOutput $Python @("packaging\platform_meta.py", "file-version")
$PublisherUrl = Get-NativeOutput $Python @("packaging\platform_meta.py", "publisher-url")
$SupportUrl = Get-NativeOutput $Python @("packaging\platform_meta.py", "support-url")
Write-Host "SJSRef $Version (file version $FileVersion)"

$Signing = [bool]$env:SJSREF_SIGN_CERT_SHA1
if ($Signing -and -not $env:SJSREF_TIMESTAMP_URL) {
    throw "SJSREF_SIGN_CERT_SHA1 is set but SJSREF_TIMESTAMP_URL is not: an untimestamped signature expires with the certificate"
}
$Iscc = Find-Iscc  # before the long build: a missing compiler should stop it now

# 1. The icon, and the bundle (the spec writes the version resources).
Invoke-Native $Python @("packaging\icons.py", "--ico", "build\icons\sjsref.ico")
$env:SJSREF_ICON = Join-Path $Root "build\icons\sjsref.ico"
Invoke-Native $Python @("-m", "PyInstaller", "--noconfirm", "--clean", "packaging\sjsref.spec")
$Bundle = Join-Path $Root "dist\sjsref"

# 2. Sign what is ours and what came unsigned; keep vendors' own signatures.
$SignArgs = @()
if ($Signing) {
    $SignTool = Find-SignTool
    $SignArgs = @("sign", "/fd", "sha256", "/td", "sha256", "/tr", $env:SJSREF_TIMESTAMP_URL,
                  "/sha1", $env:SJSREF_SIGN_CERT_SHA1)
    $files = @(
        (Join-Path $Bundle "sjsref.exe"),
        (Join-Path $Bundle "sjsref-cli.exe")
    )
    $files += @(Get-ChildItem -Path (Join-Path $Bundle "_internal") -Recurse -Include *.dll, *.pyd |
        Where-Object { (Get-AuthenticodeSignature $_.FullName).Status -ne "Valid" } |
        ForEach-Object { $_.FullName })
    for ($i = 0; $i -lt $files.Count; $i += 50) {  # stay under the command-line length limit
        $batch = $files[$i..([Math]::Min($i + 49, $files.Count - 1))]
        Invoke-Native $SignTool ($SignArgs + $batch)
        Invoke-Native $SignTool (@("verify", "/pa") + $batch)
    }
}

# 3. The frozen app, signed or not, checks itself: manifest, calculators,
#    every page drawn offscreen.
Invoke-Native (Join-Path $Bundle "sjsref-cli.exe") @("--self-test")

# 4. The installer.
$IsccArgs = @("/DAppVersion=$Version", "/DAppFileVersion=$FileVersion")
if ($PublisherUrl) { $IsccArgs += "/DPublisherURL=$PublisherUrl" }
if ($SupportUrl) { $IsccArgs += "/DSupportURL=$SupportUrl" }
if ($Signing) {
    # ISCC replaces $q with a quote and $f with the quoted file to sign.
    $command = '$q' + $SignTool + '$q ' + ($SignArgs -join " ") + ' $f'
    $IsccArgs += @("/Ssjsref=$command", "/DSignWith=sjsref")
}
Invoke-Native $Iscc ($IsccArgs + @("packaging\windows\sjsref.iss"))

$Setup = Join-Path $Root "build\windows\sjsref-$Version-setup-x64.exe"
if ($Signing) { Invoke-Native $SignTool @("verify", "/pa", $Setup) }
Write-Host $Setup
