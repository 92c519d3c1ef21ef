; Inno Setup 6.3+ script: per-machine Windows installer for Agentdesk.
;
; Build on Windows (see docs/INSTALL.md), after the PyInstaller build in dist\agentdesk:
;   powershell -File installer\build_windows.ps1
; which runs:  iscc /DAppVersion=<version from dist\agentdesk\agentdesk.exe --version> installer\agentdesk.iss
; Output: dist\agentdesk-<version>-windows-x64-setup.exe
;
; Silent deployment (SCCM, Intune, GPO startup script):
;   agentdesk-<version>-windows-x64-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /SP-
;   optional: /DIR="D:\Apps\Agentdesk"  /TASKS="desktopicon"  /LOG="C:\Windows\Temp\agentdesk.log"
; Silent removal:
;   "C:\Program Files\Agentdesk\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;
; The version is never written here: it comes from pyproject.toml through the frozen build.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z installer\agentdesk.iss (build_windows.ps1 does)
#endif
#ifndef AppVersionNumeric
  #define AppVersionNumeric "0.0.0.0"
#endif

[Setup]
; AppId identifies the product for upgrades and uninstall: never change it.
AppId={{DF3790FC-8BA8-43E7-A058-089CB115D4C7}
AppName=Agentdesk
AppVersion={#AppVersion}
AppVerName=Agentdesk {#AppVersion}
AppPublisher=Agentdesk engineering
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductVersion={#AppVersion}
VersionInfoDescription=Agentdesk setup
; Per-machine: Program Files, all users' Start menu, needs administrator rights.
PrivilegesRequired=admin
DefaultDirName={autopf}\Agentdesk
DefaultGroupName=Agentdesk
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename=agentdesk-{#AppVersion}-windows-x64-setup
SetupIconFile=icons\agentdesk.ico
UninstallDisplayIcon={app}\agentdesk-gui.exe
UninstallDisplayName=Agentdesk {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Upgrades: close running copies, replace files in place.
CloseApplications=yes
RestartApplications=no
; `agentdesk` on the PATH for command-line use (switchboard hosts, IT scripts).
ChangesEnvironment=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Simplified Chinese setup messages if the (unofficial) translation is installed with Inno Setup.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller one-folder build; an upgrade first removes the previous _internal
; (see [InstallDelete]) so no stale library of an older version stays behind.
Source: "..\dist\agentdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; The example central configuration for IT, next to where the real one goes. The real
; %ProgramData%\Agentdesk\agentdesk.toml is IT's and is never written or removed by setup.
Source: "agentdesk.toml.example"; DestDir: "{commonappdata}\Agentdesk"; Flags: ignoreversion

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Dirs]
Name: "{commonappdata}\Agentdesk"

[Icons]
Name: "{group}\Agentdesk"; Filename: "{app}\agentdesk-gui.exe"; Parameters: "desktop"; WorkingDir: "{app}"; Comment: "Contact-center agent desktop"
Name: "{group}\Agentdesk Supervisor Console"; Filename: "{app}\agentdesk-gui.exe"; Parameters: "desktop --supervisor"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,Agentdesk}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Agentdesk"; Filename: "{app}\agentdesk-gui.exe"; Parameters: "desktop"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
; Administrators and SYSTEM write the central configuration; users only read it. (ProgramData
; otherwise lets users create files, i.e. their own agentdesk.toml where IT has none yet.)
Filename: "{sys}\icacls.exe"; Parameters: """{commonappdata}\Agentdesk"" /inheritance:r /grant:r *S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX"; Flags: runhidden waituntilterminated; StatusMsg: "Securing the configuration folder..."
Filename: "{app}\agentdesk-gui.exe"; Parameters: "desktop"; Description: "{cm:LaunchProgram,Agentdesk}"; Flags: nowait postinstall skipifsilent

[Code]
const
  EnvKey = 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment';

function NeedsAddPath(Dir: string): Boolean;
var
  Paths: string;
begin
  if not RegQueryStringValue(HKLM, EnvKey, 'Path', Paths) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Paths) + ';') = 0;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Paths, Dir: string;
  P: Integer;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  if not RegQueryStringValue(HKLM, EnvKey, 'Path', Paths) then
    exit;
  Dir := ExpandConstant('{app}');
  P := Pos(';' + Uppercase(Dir), Uppercase(Paths));
  if P > 0 then
  begin
    Delete(Paths, P, Length(Dir) + 1);
    RegWriteExpandStringValue(HKLM, EnvKey, 'Path', Paths);
  end;
end;
