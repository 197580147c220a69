"""Messages of accounts: sign-in, password policy, roles, the user administration page."""

MESSAGES: dict[str, tuple[str, str]] = {
    # Roles as the sign-in screen, the sidebar and the admin pages name them.
    "accounts.role.viewer": ("查看（领导）", "Viewer (leadership)"),
    "accounts.role.uploader": ("上传（工作人员）", "Uploader (staff)"),
    "accounts.role.admin": ("管理员", "Admin"),
    "accounts.matrix.header": ("页面/操作 page/action", "Page/action"),
    # Account changes refused (data_access.auth).
    "accounts.error.username_malformed": (
        "用户名须为 1–64 个字母、汉字、数字或 . _ @ + - / "
        "username must be 1-64 letters, digits or . _ @ + -",
        "The username must be 1-64 letters, digits or . _ @ + -",
    ),
    "accounts.error.no_such_user": (
        "用户不存在 / no such user: {username}",
        "No such user: {username}",
    ),
    "accounts.error.acting_disabled": (
        "账号 {username} 已停用，不能以其身份操作 / account disabled",
        "The account {username} is disabled; nothing can be done in its name",
    ),
    "accounts.error.acting_role": (
        "账号 {username}（{role}）无权执行此操作 / this account's role may not do this",
        "The account {username} ({role}) may not do this",
    ),
    "accounts.error.unknown_role": (
        "未知角色 / unknown role: {role}（可选 / choose: {roles}）",
        "Unknown role: {role} (choose: {roles})",
    ),
    "accounts.error.unknown_township": (
        "{term_township}不存在 / unknown township id: {ids}",
        "Unknown {term_township} id: {ids}",
    ),
    "accounts.error.username_taken": (
        "用户名已存在 / username already taken: {name}",
        "The username is already taken: {name}",
    ),
    "accounts.error.last_admin": (
        "至少保留一名启用的管理员 / at least one enabled admin must remain",
        "At least one enabled admin must remain",
    ),
    "accounts.error.setup_closed": (
        "已有用户，初始设置已关闭，请登录 / accounts exist already: setup is closed, sign in",
        "Accounts exist already: the setup is closed, please sign in",
    ),
    "accounts.all_townships": ("全部", "All"),
    "accounts.list_separator": ("、", ", "),
    # Password policy.
    "accounts.password.too_short": (
        "密码至少 {count} 个字符 / password needs at least {count} characters",
        "The password needs at least {count} characters",
    ),
    "accounts.password.too_long": (
        "密码不能超过 {count} 个字符 / password must not exceed {count} characters",
        "The password must not exceed {count} characters",
    ),
    "accounts.password.guessable": (
        "密码太常见或太容易猜到（如 12345678、password、88888888、qwertyuiop），请换一个 / "
        "password too common or easy to guess",
        "The password is too common or too easy to guess "
        "(like 12345678, password, 88888888, qwertyuiop); please choose another",
    ),
    "accounts.password.blank": (
        "密码不能全是空格 / password must not be blank",
        "The password must not be blank",
    ),
    # Sign-in outcomes (AuthResult.message).
    "accounts.sign_in.ok": ("登录成功", "Signed in"),
    "accounts.sign_in.invalid": ("用户名或密码错误", "Wrong username or password"),
    "accounts.sign_in.locked": (
        "失败次数过多，账号已临时锁定，请稍后再试或联系管理员",
        "Too many failed attempts: the account is locked for a while. Try again later or "
        "ask an admin",
    ),
    "accounts.sign_in.disabled": (
        "账号已停用，请联系管理员",
        "The account is disabled; please ask an admin",
    ),
    "accounts.sign_in.unknown_identity": (
        "该身份未登记，请联系管理员开通",
        "This identity has no account here; please ask an admin to create one",
    ),
    # The sign-in screens (components.signin_forms, components.auth).
    "accounts.session.gone": (
        "账号已停用或不存在，请联系管理员",
        "The account is disabled or was removed; please ask an admin",
    ),
    "accounts.session.ended": (
        "登录已结束（已退出、超时或账号有变动），请重新登录",
        "Your sign-in has ended (signed out, timed out or the account changed); please sign in",
    ),
    "accounts.setup.title": (
        "初始设置：创建第一个管理员账号",
        "First start: create the first admin",
    ),
    "accounts.setup.caption": (
        "系统中还没有任何账号。请设置管理员的用户名和密码（至少 {count} 个字符）。"
        "创建后此页面不再出现。也可在服务器上运行 "
        "`python -m data_access users add 用户名 --role admin`。",
        "There is no account yet. Choose the admin's username and password (at least "
        "{count} characters). This page does not appear again once the admin exists. "
        "You can also run `python -m data_access users add USERNAME --role admin` on the "
        "server.",
    ),
    "accounts.field.username": ("用户名", "Username"),
    "accounts.field.display_name_optional": ("姓名（可选）", "Full name (optional)"),
    "accounts.field.password": ("密码", "Password"),
    "accounts.field.password_repeat": ("再次输入密码", "Repeat the password"),
    "accounts.setup.submit": ("创建管理员", "Create admin"),
    "accounts.error.passwords_differ": ("两次输入的密码不一致", "The two passwords differ"),
    "accounts.setup.done": (
        "管理员账号已创建，您已登录",
        "The admin account was created and you are signed in",
    ),
    "accounts.sign_in.title": ("请登录", "Please sign in"),
    "accounts.sign_in.submit": ("登录", "Sign in"),
    "accounts.sso.button": ("单点登录", "Single sign-on"),
    "accounts.sso.button_named": ("单点登录（{provider}）", "Single sign-on ({provider})"),
    "accounts.sign_in.locked_until": ("（解锁时间：{time}）", " (locked until {time})"),
    "accounts.sso.no_access": ("无权访问：{reason}", "No access: {reason}"),
    "accounts.sso.sign_out": ("退出单点登录", "Sign out of single sign-on"),
    "accounts.menu.current_user": ("当前用户：{label}", "Signed in as: {label}"),
    "accounts.menu.sign_out": ("退出登录", "Sign out"),
    "accounts.menu.change_password": ("修改密码", "Change password"),
    "accounts.field.current_password": ("当前密码", "Current password"),
    "accounts.field.new_password": ("新密码", "New password"),
    "accounts.field.new_password_repeat": ("再次输入新密码", "Repeat the new password"),
    "accounts.error.new_passwords_differ": (
        "两次输入的新密码不一致",
        "The two new passwords differ",
    ),
    "accounts.password.changed": ("密码已修改", "Password changed"),
    "accounts.no_access": (
        "无权访问：您的账号没有打开此页面的权限。如需开通，请联系管理员。",
        "No access: your account may not open this page. Please ask an admin if you need it.",
    ),
    # User administration (components.admin_users).
    "accounts.table.username": ("用户名", "Username"),
    "accounts.table.display_name": ("姓名", "Full name"),
    "accounts.table.role_label": ("角色", "Role"),
    "accounts.table.townships": ("{term_township}范围", "{term_Townships}"),
    "accounts.table.state": ("状态", "State"),
    "accounts.table.failed_attempts": ("连续失败次数", "Failed attempts in a row"),
    "accounts.table.sso": ("单点登录", "Single sign-on"),
    "accounts.state.disabled": ("停用", "Disabled"),
    "accounts.state.locked": ("锁定", "Locked"),
    "accounts.state.active": ("正常", "Active"),
    "accounts.sso.bound": ("已绑定", "Linked"),
    "accounts.create.username": (
        "用户名（可用邮箱，便于单点登录对应）",
        "Username (may be an e-mail address, to match single sign-on)",
    ),
    "accounts.create.display_name": ("姓名", "Full name"),
    "accounts.field.role": ("角色", "Role"),
    "accounts.field.scope": (
        "限定{term_township}（不选为全部）",
        "Limit to {term_townships} (none chosen: all)",
    ),
    "accounts.create.password": ("初始密码", "Initial password"),
    "accounts.create.submit": ("新建用户", "Create user"),
    "accounts.create.done": ("已新建用户 {username}", "Created user {username}"),
    "accounts.manage.pick": ("选择用户", "Choose a user"),
    "accounts.reset.submit": ("重置密码", "Reset password"),
    "accounts.reset.done": ("已重置 {username} 的密码", "Reset the password of {username}"),
    "accounts.role.save": ("保存角色", "Save role"),
    "accounts.role.done": (
        "已将 {username} 的角色改为 {role}",
        "{username} now has the role {role}",
    ),
    "accounts.scope.save": ("保存{term_township}范围", "Save {term_townships}"),
    "accounts.scope.done": (
        "已修改 {username} 的{term_township}范围",
        "Changed the {term_townships} of {username}",
    ),
    "accounts.enable": ("启用账号", "Enable account"),
    "accounts.enable.done": ("已启用 {username}", "Enabled {username}"),
    "accounts.disable": ("停用账号", "Disable account"),
    "accounts.disable.done": ("已停用 {username}", "Disabled {username}"),
    "accounts.unlock": ("解除锁定", "Unlock"),
    "accounts.unlock.done": ("已解除 {username} 的锁定", "Unlocked {username}"),
}
