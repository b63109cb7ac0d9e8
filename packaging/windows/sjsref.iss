; Inno Setup script: installs the PyInstaller bundle built from
; packaging/sjsref.spec on 64-bit Windows 10 (1809 or later) and Windows 11.
; Needs Inno Setup 6.3 or later (the x64compatible architecture); checked below.
;
; Build with packaging\windows\build.ps1, which also signs when configured.
; By hand, from the repository root (PowerShell):
;   .venv\Scripts\python.exe packaging\icons.py --ico build\icons\sjsref.ico
;   $env:SJSREF_ICON = "build\icons\sjsref.ico"
;   .venv\Scripts\python.exe -m PyInstaller --noconfirm --clean packaging\sjsref.spec
;   iscc /DAppVersion=<version> /DAppFileVersion=<file-version> packaging\windows\sjsref.iss
; where `.venv\Scripts\python.exe packaging\platform_meta.py version` and
; `... file-version` print the two versions. Optional: /DPublisherURL=...,
; /DSupportURL=..., and /DSignWith=<name> with /S<name>=<command> to sign.
;
; Install mode: for all users, in Program Files, by default (administrator
; rights); the first page also offers "for me only" (no administrator rights,
; in %LOCALAPPDATA%\Programs, which AppLocker's default rules do not allow).
; For IT, unattended, all users:
;   sjsref-<version>-setup-x64.exe /ALLUSERS /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;
; Paths below are relative to this file.

#if VER < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or later is needed: this script uses the x64compatible architecture.
#endif
#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=x.y.z (packaging\platform_meta.py version)
#endif
#ifndef AppFileVersion
  #error Pass the numeric version: iscc /DAppFileVersion=x.y.z.0 (packaging\platform_meta.py file-version)
#endif

[Setup]
; Never change AppId: Windows uses it to find the installed copy to upgrade.
AppId={{6F0B7C52-3E0A-4B7B-9C55-1D2A8E4F3B61}
AppName=SJSRef
AppVersion={#AppVersion}
AppVerName=SJSRef {#AppVersion}
AppPublisher=SJSRef maintainers
#ifdef PublisherURL
AppPublisherURL={#PublisherURL}
#endif
#ifdef SupportURL
AppSupportURL={#SupportURL}
#endif
AppCopyright=SJSRef maintainers, MIT licence
VersionInfoVersion={#AppFileVersion}
VersionInfoProductVersion={#AppFileVersion}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoDescription=SJSRef setup
LicenseFile=license.txt
DefaultDirName={autopf}\SJSRef
DisableProgramGroupPage=yes
; All users (Program Files) unless the user picks "for me only" on the first
; page or IT passes /CURRENTUSER; an upgrade keeps the earlier choice.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6.11's floor: Windows 10 1809 (packaging/platform_meta.py WINDOWS_MINIMUM).
MinVersion=10.0.17763
OutputDir=..\..\build\windows
OutputBaseFilename=sjsref-{#AppVersion}-setup-x64
SetupIconFile=..\..\build\icons\sjsref.ico
UninstallDisplayIcon={app}\sjsref.exe
UninstallDisplayName=SJSRef {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
; Tells Explorer to reread PATH when the addtopath task changed it.
ChangesEnvironment=yes
#ifdef SignWith
; Setup and the uninstaller, signed by the Sign Tool build.ps1 defines with /S.
SignTool={#SignWith}
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "Add the command line, sjsref-cli, to PATH"; GroupDescription: "Command line:"; Flags: unchecked

[Files]
; The whole one-folder bundle: sjsref.exe (window), sjsref-cli.exe (command
; line) and _internal\ (Python, Qt, resources with MANIFEST.sha256).
Source: "..\..\dist\sjsref\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\SJSRef"; Filename: "{app}\sjsref.exe"; Comment: "Offline SJS/TEN reference and bedside calculators"
Name: "{autodesktop}\SJSRef"; Filename: "{app}\sjsref.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\sjsref.exe"; Description: "{cm:LaunchProgram,SJSRef}"; Flags: nowait postinstall skipifsilent

[InstallDelete]
; An upgrade replaces the bundle wholesale: files dropped from a newer
; bundle must not linger (the content manifest would report them).
Type: filesandordirs; Name: "{app}\_internal"

[Code]
{ PATH: the machine's for an all-users install, the user's for "for me only".
  Added after install when the task is chosen, removed by the uninstaller.
  The window settings (HKCU\Software\SJSRef) are the user's and stay. }
const
  MachineEnvironment = 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment';
  UserEnvironment = 'Environment';

function EnvironmentRoot: Integer;
begin
  if IsAdminInstallMode then
    Result := HKEY_LOCAL_MACHINE
  else
    Result := HKEY_CURRENT_USER;
end;

function EnvironmentKey: String;
begin
  if IsAdminInstallMode then
    Result := MachineEnvironment
  else
    Result := UserEnvironment;
end;

{ 1-based position of Dir as a whole entry of Paths, 0 if absent. }
function PathEntry(Paths, Dir: String): Integer;
begin
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Paths) + ';');
end;

procedure AddToPath(Dir: String);
var
  Paths: String;
begin
  if not RegQueryStringValue(EnvironmentRoot, EnvironmentKey, 'Path', Paths) then
    Paths := '';
  if PathEntry(Paths, Dir) > 0 then
    exit;
  { Nested, not "and": the index must not be read on an empty string. }
  if Paths <> '' then
    if Paths[Length(Paths)] <> ';' then
      Paths := Paths + ';';
  { REG_EXPAND_SZ keeps entries such as %SystemRoot% working. }
  if not RegWriteExpandStringValue(EnvironmentRoot, EnvironmentKey, 'Path', Paths + Dir) then
    Log('Could not add ' + Dir + ' to PATH');
end;

procedure RemoveFromPath(Dir: String);
var
  Paths: String;
  P: Integer;
begin
  if not RegQueryStringValue(EnvironmentRoot, EnvironmentKey, 'Path', Paths) then
    exit;
  P := PathEntry(Paths, Dir);
  if P = 0 then
    exit;
  { Drop the entry with the separator before it (after it when it is first). }
  if P > 1 then
    Delete(Paths, P - 1, Length(Dir) + 1)
  else
    Delete(Paths, 1, Length(Dir) + 1);
  if not RegWriteExpandStringValue(EnvironmentRoot, EnvironmentKey, 'Path', Paths) then
    Log('Could not remove ' + Dir + ' from PATH');
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if (CurStep = ssPostInstall) and WizardIsTaskSelected('addtopath') then
    AddToPath(ExpandConstant('{app}'));
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
    RemoveFromPath(ExpandConstant('{app}'));
end;
